import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { isApiError } from '#shared/api/problem';
import { ObjectDefsProvider } from '#shared/records/object-defs';
import { AntdProvider } from './antd-provider';
import { AuthProvider } from './auth/auth-context';
import { resolveObjectDef } from './object-defs';
import { router } from './routes';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors will not get better by retrying.
      retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
    },
  },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <AntdProvider>
        <AuthProvider>
          <ObjectDefsProvider value={resolveObjectDef}>
            <RouterProvider router={router} />
          </ObjectDefsProvider>
        </AuthProvider>
      </AntdProvider>
    </QueryClientProvider>
  );
}
