using System.IO.Compression;
using Microsoft.ML.Momentum.Cli.Commands;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static Microsoft.ML.Momentum.Cli.Tests.CliRun;

namespace Microsoft.ML.Momentum.Cli.Tests;

/// <summary>Exit codes and messages of evaluate, predict and train for missing files, wrong models, bad data and bad usage.</summary>
[TestClass]
public sealed class ModelAndDataErrorTests
{
    private static readonly string Truncated = Path.Combine(RepoPaths.Images, "bad", "truncated");

    [TestMethod]
    public void MissingModelFileIsBadData()
    {
        var (code, _, error) = Run("evaluate", "--model", "/nonexistent/model.zip", "--data", RepoPaths.Fashion);
        Assert.AreEqual(ExitCodes.BadData, code);
        Assert.AreEqual("error: model file '/nonexistent/model.zip' was not found.\n", error);
    }

    [TestMethod]
    public void AFileThatIsNotAZipIsRefused()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("model.zip"), "not a zip");
        var (code, _, error) = Run("predict", "--model", temp.File("model.zip"), "x.png");
        Assert.AreEqual(ExitCodes.BadData, code);
        Assert.AreEqual($"error: '{temp.File("model.zip")}' is not a model file (not a zip archive written by momentum train).\n", error);
    }

    [TestMethod]
    public void AZipWithoutAManifestIsRefused()
    {
        using var temp = new TempDirectory();
        using (var zip = ZipFile.Open(temp.File("other.zip"), ZipArchiveMode.Create)) zip.CreateEntry("readme.txt");
        var (code, _, error) = Run("predict", "--model", temp.File("other.zip"), "x.png");
        Assert.AreEqual(ExitCodes.BadData, code);
        Assert.AreEqual($"error: '{temp.File("other.zip")}' is not a model file: it lacks 'model.json'.\n", error);
    }

    [TestMethod]
    public void AModelOfAnotherKindIsRefusedNamingBoth()
    {
        using var temp = new TempDirectory();
        using (var zip = ZipFile.Open(temp.File("audio.zip"), ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("model.json").Open());
            writer.Write("{\"formatVersion\": 1, \"task\": \"audioClassification\"}");
        }
        var (code, _, error) = Run("evaluate", "--model", temp.File("audio.zip"), "--data", RepoPaths.Fashion);
        Assert.AreEqual(ExitCodes.BadData, code);
        Assert.AreEqual($"error: '{temp.File("audio.zip")}' holds a audioClassification model; this build of momentum reads imageClassification and textClassification models.\n", error);
    }

    [TestMethod]
    public void TrainingOnATruncatedImageIsBadDataNamingTheFile()
    {
        using var temp = new TempDirectory();
        var (code, _, error) = Run("train", "--config", ImageConfig(temp, Truncated, maxEpoch: 1), "--progress", "plain");
        Assert.AreEqual(ExitCodes.BadData, code);
        StringAssert.StartsWith(error, "error: ");
        StringAssert.Contains(error, Path.Combine(Truncated, "b"));
        Assert.IsFalse(File.Exists(temp.File("out/model.zip")));
    }

    [TestMethod]
    public void PredictingATruncatedImageOrAMissingOneIsBadDataNamingTheFile()
    {
        using var temp = new TempDirectory();
        var model = TrainedModel(temp);
        var truncated = Path.Combine(Truncated, "b", "2-truncated.png");
        var (code, _, error) = Run("predict", "--model", model, truncated);
        Assert.AreEqual(ExitCodes.BadData, code);
        StringAssert.StartsWith(error, $"error: Image '{truncated}' could not be decoded:");
        var missing = Run("predict", "--model", model, temp.File("none.png"));
        Assert.AreEqual(ExitCodes.BadData, missing.Code);
        Assert.AreEqual($"error: image '{temp.File("none.png")}' was not found.\n", missing.Err);
        var list = Run("predict", "--model", model, "--input", temp.File("list.txt"));
        Assert.AreEqual(ExitCodes.BadData, list.Code);
        Assert.AreEqual($"error: input file '{temp.File("list.txt")}' was not found.\n", list.Err);
    }

    [TestMethod]
    public void EvaluatingMissingOrUnreadableDataIsBadData()
    {
        using var temp = new TempDirectory();
        var model = TrainedModel(temp);
        var missing = Run("evaluate", "--model", model, "--data", temp.File("none"));
        Assert.AreEqual(ExitCodes.BadData, missing.Code);
        StringAssert.StartsWith(missing.Err, $"error: data '{temp.File("none")}' was not found");
        File.WriteAllText(temp.File("table.csv"), "Label,ImagePath\nBag\n");
        var table = Run("evaluate", "--model", model, "--data", temp.File("table.csv"));
        Assert.AreEqual(ExitCodes.BadData, table.Code);
        StringAssert.Contains(table.Err, temp.File("table.csv"));
        StringAssert.Contains(table.Err, "line 2");
        File.WriteAllText(temp.File("labels.csv"), "Label,ImagePath\nBoot,Bag/000.png\n");
        File.Copy(Path.Combine(RepoPaths.Fashion, "Bag", "000.png"), Directory.CreateDirectory(temp.File("Bag")).FullName + "/000.png");
        var unknown = Run("evaluate", "--model", model, "--data", temp.File("labels.csv"));
        Assert.AreEqual(ExitCodes.BadData, unknown.Code);
        StringAssert.Contains(unknown.Err, "label 'Boot' is not one of the model's classes");
    }

    [TestMethod]
    public void PredictWithoutInputsIsBadUsage()
    {
        var (code, _, error) = Run("predict", "--model", "m.zip");
        Assert.AreEqual(ExitCodes.BadUsage, code);
        Assert.AreEqual("error: give the inputs to predict: --input FILE, or image paths (texts for a text model) after the options.\n", error);
    }

    [TestMethod]
    [DataRow("evaluate", "--model", "m.zip", "--data", "d", "--format", "xml")]
    [DataRow("evaluate", "--model", "m.zip")]
    [DataRow("predict", "--model", "m.zip", "--format", "text", "a.png")]
    [DataRow("train", "--config", "c.json", "--max-epoch", "0")]
    public void BadOptionsAreBadUsage(params string[] args)
    {
        var (code, _, error) = Run(args);
        Assert.AreEqual(ExitCodes.BadUsage, code);
        StringAssert.EndsWith(error, "Run 'momentum --help' (or 'momentum <command> --help') for usage.\n");
    }

    [TestMethod]
    public void AnUnavailableDeviceIsBadUsage()
    {
        using var temp = new TempDirectory();
        var config = ImageConfig(temp, RepoPaths.Fashion, maxEpoch: 1);
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"device\": \"cpu\"", "\"device\": \"cuda:7\"", StringComparison.Ordinal));
        var (code, _, error) = Run("train", "--config", config, "--progress", "plain");
        Assert.AreEqual(ExitCodes.BadUsage, code);
        StringAssert.StartsWith(error, $"error: {config}: environment.device: device 'cuda:7' cannot be used:");
    }

    /// <summary>A model trained for one epoch on the fixture, in <paramref name="temp"/>.</summary>
    private static string TrainedModel(TempDirectory temp)
    {
        var (code, _, error) = Run("train", "--config", ImageConfig(temp, RepoPaths.Fashion, maxEpoch: 1, name: "model-config.json"), "--progress", "plain");
        Assert.AreEqual(ExitCodes.Success, code, error);
        return temp.File("out/model.zip");
    }
}
