// README, "Deploy": app/api/signup/route.ts
import { handler } from './signup-handler.js';

export const dynamic = 'force-dynamic';
export { handler as GET, handler as HEAD, handler as POST, handler as OPTIONS };
