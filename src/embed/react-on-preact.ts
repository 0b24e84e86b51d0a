// What `import React from 'react'` resolves to in the script-tag build (see vite.config.ts).
// react-hook-form imports React's default export and calls `React.useState` etc., which
// would keep every member of preact/compat's default object (Suspense, lazy, Children…)
// alive in the bundle. This default object lists only what the widget's code and its
// dependencies call, so the rest of compat is tree-shaken; a unit test checks the list
// against react-hook-form's own `React.*` uses. Named imports come from compat as they are.
import {
  createContext,
  createElement,
  Fragment,
  useCallback,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'preact/compat';

// preact/compat's type declarations use `export =`, which TypeScript refuses to re-export
// with `export *`; its ESM build (what Vite bundles) has every React name as a named export.
// @ts-ignore TS2498
export * from 'preact/compat';

/**
 * The default export the script-tag build gives `import React from 'react'`.
 *
 * @example
 * import React from 'react'; // in the embed build, this object
 * React.useState(0);
 */
const ReactOnPreact = {
  createContext,
  createElement,
  Fragment,
  useCallback,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
};

export default ReactOnPreact;
