namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>
/// Writes the fitted pipeline as an ML.NET model zip (<c>mlContext.Model.Save</c>), which <c>mlContext.Model.Load</c>
/// reads. A transformer that ML.NET's file cannot hold throws <see cref="NotSupportedException"/>: that is a notice,
/// not a failure, and no partial file is left (the zip is written to a temporary name and moved into place).
/// </summary>
internal static class MlNetModelFile
{
    /// <summary>"ml.net model: PATH", or "ml.net model: not written: WHY".</summary>
    public static string Save(MLContext ml, ITransformer pipeline, DataViewSchema inputSchema, string path)
    {
        var temporary = path + ".partial";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            ml.Model.Save(pipeline, inputSchema, temporary);
            File.Move(temporary, path, overwrite: true);
            return $"ml.net model: {path}";
        }
        catch (NotSupportedException e)
        {
            File.Delete(temporary);
            File.Delete(path);
            return $"ml.net model: not written: {e.Message}";
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
