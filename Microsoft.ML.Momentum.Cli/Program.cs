using System.CommandLine;
using Microsoft.ML.Momentum.Cli;

var root = new RootCommand("momentum: train image and text classifiers with the Demon, MoMo and AutoDrop optimizers.");
root.Subcommands.Add(FashionMnistCommand.Create());
return root.Parse(args).Invoke();
