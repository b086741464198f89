using Microsoft.VisualStudio.TestTools.UnitTesting;

// Native training steps use libtorch's process-wide thread pool and RNG; tests that compare runs for
// determinism must not interleave with others, so classes run one at a time.
[assembly: DoNotParallelize]
