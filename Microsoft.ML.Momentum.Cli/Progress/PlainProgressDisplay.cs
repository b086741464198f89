using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli.Progress;

/// <summary>Line-by-line progress for logs and pipes: one line per step report and one per epoch.</summary>
internal sealed class PlainProgressDisplay(TextWriter output, bool stepLines = true) : IProgressDisplay
{
    public T Run<T>(string title, Func<Action<TrainingProgress>, T> work)
    {
        output.WriteLine(title);
        var result = work(p =>
        {
            if (p.Phase == TrainingPhase.EpochEnd) output.WriteLine(ProgressFormatter.Epoch(p));
            else if (stepLines) output.WriteLine(ProgressFormatter.Step(p));
            output.Flush();
        });
        return result;
    }

    public void Message(string line)
    {
        output.WriteLine(line);
        output.Flush();
    }
}
