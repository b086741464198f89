namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// Reusable output of <see cref="TextTokenizer"/>: the tokens' characters back to back plus each token's start
/// and length, so tokenizing allocates no strings. Not thread-safe; use one per thread.
/// </summary>
internal sealed class TokenBuffer
{
    private char[] _chars = new char[1024];
    private int[] _starts = new int[256];
    private int[] _lengths = new int[256];
    private int _charCount;
    private int _openStart = -1;

    /// <summary>The number of completed tokens.</summary>
    public int Count { get; private set; }

    /// <summary>Token <paramref name="index"/>'s characters.</summary>
    public ReadOnlySpan<char> this[int index] => _chars.AsSpan(_starts[index], _lengths[index]);

    /// <summary>The length of the token being built, or 0.</summary>
    public int OpenLength => _openStart < 0 ? 0 : _charCount - _openStart;

    /// <summary>The last character of the token being built, or '\0'.</summary>
    public char OpenLastChar => OpenLength > 0 ? _chars[_charCount - 1] : '\0';

    public void Clear()
    {
        Count = 0;
        _charCount = 0;
        _openStart = -1;
    }

    /// <summary>Appends characters to the token being built, opening one if needed.</summary>
    public void Append(ReadOnlySpan<char> chars)
    {
        if (_openStart < 0)
        {
            _openStart = _charCount;
        }

        if (_charCount + chars.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + chars.Length));
        }

        chars.CopyTo(_chars.AsSpan(_charCount));
        _charCount += chars.Length;
    }

    /// <summary>Completes the token being built, if any.</summary>
    public void Close()
    {
        if (_openStart < 0)
        {
            return;
        }

        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
        }

        _starts[Count] = _openStart;
        _lengths[Count] = _charCount - _openStart;
        Count++;
        _openStart = -1;
    }

    /// <summary>The tokens as new strings.</summary>
    public string[] ToStrings()
    {
        var result = new string[Count];
        for (int i = 0; i < Count; i++)
        {
            result[i] = new string(this[i]);
        }

        return result;
    }
}
