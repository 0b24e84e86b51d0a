// Preloaded (NODE_OPTIONS=--require) into a `serve` under test: Node prints a warning once it runs,
// as it does for a deprecation, which serve must log as a JSON line like its own.
setTimeout(() => process.emitWarning('A warning Node prints after start-up'), 1_000).unref();
