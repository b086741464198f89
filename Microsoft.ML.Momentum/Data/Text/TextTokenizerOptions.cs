namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// How <see cref="TextTokenizer"/> turns text into word tokens. Saved with the model, so that prediction
/// tokenizes exactly as training did.
/// </summary>
public sealed class TextTokenizerOptions
{
    /// <summary>Lower-case every token, culture-invariantly and for all scripts. Default <see langword="true"/>.</summary>
    public bool LowerCase { get; set; } = true;

    /// <summary>
    /// Remove HTML/XML tags (<c>&lt;br /&gt;</c>, <c>&lt;a href="…"&gt;</c>, comments) and then decode character
    /// entities (<c>&amp;amp;</c>, <c>&amp;#39;</c>, <c>&amp;nbsp;</c>). Default <see langword="false"/>: a
    /// <c>&lt;</c> in plain text is left alone. Turn it on for scraped text such as IMDB reviews.
    /// </summary>
    public bool StripHtml { get; set; }

    /// <summary>
    /// Keep punctuation and symbols (including emoji) as one-character tokens. Default
    /// <see langword="false"/>: they only separate words.
    /// </summary>
    public bool KeepPunctuation { get; set; }

    /// <summary>
    /// Apply Unicode NFKC normalization first, so that compatibility forms (full-width Latin letters,
    /// ligatures such as <c>ﬁ</c>, half-width katakana) and composed/decomposed accents give the same
    /// tokens. Default <see langword="true"/>.
    /// </summary>
    public bool NormalizeUnicode { get; set; } = true;

    /// <summary>
    /// Make every CJK ideograph, hiragana and katakana character its own token (these scripts do not separate
    /// words with spaces; with word bigrams this gives character bigrams). Default <see langword="true"/>.
    /// Hangul, which is written with spaces, is split into words like Latin text.
    /// </summary>
    public bool SplitCjkCharacters { get; set; } = true;

    /// <summary>
    /// Tokens longer than this many UTF-16 code units are cut to this length (guards against URLs, base64 and
    /// other run-on strings). Default 100.
    /// </summary>
    public int MaxTokenLength { get; set; } = 100;

    /// <summary>A copy of these options.</summary>
    public TextTokenizerOptions Clone() => (TextTokenizerOptions)MemberwiseClone();

    internal void Validate()
    {
        if (MaxTokenLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTokenLength), MaxTokenLength, "MaxTokenLength must be at least 1.");
        }
    }
}
