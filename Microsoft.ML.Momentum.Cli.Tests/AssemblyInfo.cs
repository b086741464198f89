using Microsoft.VisualStudio.TestTools.UnitTesting;

// Some tests change the current directory or run libtorch; classes run one at a time.
[assembly: DoNotParallelize]
