import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// findBy*/waitFor wait on state, not on time; the default 1 s cap is too short on a busy
// 2-core CI machine where every save really fsyncs. Tests still end as soon as state is there.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => cleanup());
