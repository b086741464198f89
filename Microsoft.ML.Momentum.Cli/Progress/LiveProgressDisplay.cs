using Microsoft.ML.Momentum.Training;
using Spectre.Console;

namespace Microsoft.ML.Momentum.Cli.Progress;

/// <summary>
/// A live Spectre.Console progress bar for terminals: epoch, step, loss, learning rate, momentum, samples/s
/// and ETA on the bar's line, and each epoch's validation line printed above it.
/// </summary>
internal sealed class LiveProgressDisplay(IAnsiConsole console) : IProgressDisplay
{
    public T Run<T>(string title, Func<Action<TrainingProgress>, T> work)
    {
        console.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
        return console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("starting…", maxValue: 1);
                var result = work(p =>
                {
                    task.MaxValue = Math.Max(1, p.TotalSteps);
                    task.Value = Math.Min(p.Step, p.TotalSteps);
                    if (p.Phase == TrainingPhase.EpochEnd)
                    {
                        console.MarkupLine("[green]" + Markup.Escape(ProgressFormatter.Epoch(p)) + "[/]");
                    }
                    else
                    {
                        task.Description = Markup.Escape(ProgressFormatter.Step(p));
                    }
                    context.Refresh();
                });
                task.Value = task.MaxValue;
                task.StopTask();
                return result;
            });
    }

    public void Message(string line) => console.MarkupLine(Markup.Escape(line));
}
