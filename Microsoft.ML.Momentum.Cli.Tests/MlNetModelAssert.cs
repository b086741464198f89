using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Cli.Tests;

/// <summary>
/// What <c>momentum train</c> promises about the ML.NET model zip: either it is written, named in the output and
/// loads with <c>mlContext.Model.Load</c>, or the output says why not and no file (partial or stale) is left.
/// </summary>
internal static class MlNetModelAssert
{
    public static void WrittenOrExplained(string trainOutput, string path)
    {
        Assert.IsFalse(File.Exists(path + ".partial"), "no partial ML.NET zip is left");
        if (File.Exists(path))
        {
            StringAssert.Contains(trainOutput, $"ml.net model: {path}\n");
            var loaded = new MLContext().Model.Load(path, out var schema);
            Assert.IsNotNull(loaded);
            Assert.IsNotNull(schema);
        }
        else
        {
            StringAssert.Contains(trainOutput, "ml.net model: not written: mlContext.Model.Save cannot store");
        }
    }
}
