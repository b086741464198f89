using System.Text;

namespace Microsoft.ML.Momentum.Cli.Config;

/// <summary>The UTF-8 bytes of a config file, and 1-based line and column numbers of byte offsets in it.</summary>
internal sealed class SourceText
{
    private readonly byte[] _bytes;
    private readonly List<int> _lineStarts = [0];

    public SourceText(string fileName, byte[] bytes)
    {
        FileName = fileName;
        _bytes = bytes;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n') _lineStarts.Add(i + 1);
        }
    }

    /// <summary>The name used in error messages.</summary>
    public string FileName { get; }

    /// <summary>The content (a UTF-8 byte-order mark, if any, included).</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>1-based line and column (in characters) of the byte at <paramref name="offset"/>.</summary>
    public (int Line, int Column) Position(long offset)
    {
        var at = (int)Math.Clamp(offset, 0, _bytes.Length);
        var line = _lineStarts.BinarySearch(at);
        if (line < 0) line = ~line - 1;
        var start = _lineStarts[line];
        var column = Encoding.UTF8.GetCharCount(_bytes, start, at - start) + 1;
        return (line + 1, column);
    }

    /// <summary>An error located at <paramref name="offset"/>.</summary>
    public ConfigError Error(long offset, string path, string message)
    {
        var (line, column) = Position(offset);
        return new ConfigError(FileName, line, column, path, message);
    }
}
