// Text classification benchmark: trains the text trainer on IMDB (original 25k/25k split) or the Brown corpus
// (15 genres) and prints one markdown row per run: test accuracy, macro-F1, epochs, wall time and throughput.
//
//   dotnet run -c Release --project benchmarks/TextClassification -- imdb [--models bag,cnn]
//       [--optimizers adam,demonAdam,momoAdam] [--threads 2] [--epochs N] [--lr X] [--max-tokens N] [--dim N]
//       [--buckets N] [--batch N] [--dropout X] [--min-count N] [--ngrams N] [--seed N] [--data PATH] [--out results.md]
//   dotnet run -c Release --project benchmarks/TextClassification -- brown [--optimizers adam] [--data PATH]
//
// IMDB: install with ImdbDataset.InstallCommand, or pass --data / set MOMENTUM_IMDB_PATH; Brown likewise.
using Microsoft.ML.Momentum.Benchmarks.Text;

var arguments = BenchmarkArguments.Parse(args);
var runner = new BenchmarkRunner(arguments);
return runner.Run();
