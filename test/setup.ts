// DOM matchers (toBeChecked, toHaveAccessibleName, …) for the component tests.
import '@testing-library/jest-dom/vitest';
