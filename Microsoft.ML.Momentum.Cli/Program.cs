using Microsoft.ML.Momentum.Cli.Commands;

return CliApp.Run(args);
