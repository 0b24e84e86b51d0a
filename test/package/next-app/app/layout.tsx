// The root layout of a fresh App Router app (create-next-app's, minus its fonts and CSS). The
// test adds README's route (app/api/signup/route.ts) and page (app/newsletter/page.tsx) from
// the files the README tests hold equal to README: test/server/adapters/next-route.ts and
// test/react/readme/next-page.tsx, their imports mapped to the package.
export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
