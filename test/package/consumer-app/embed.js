// The script tag as README's Install table offers it to a bundled site: imported as a module,
// so there is no document.currentScript; its German must still load (as a chunk of this bundle).
import 'dotdigital-signup/embed';
