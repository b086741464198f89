using System.Globalization;
using System.Text;

namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// Splits text into word tokens, Unicode-aware and the same on every machine (no current-culture rules):
/// optional HTML stripping and NFKC normalization, then words are maximal runs of letters, combining marks
/// and digits; an apostrophe between a word and a letter stays in the word (<c>don't</c>, <c>costner's</c>; the
/// typographic <c>’</c> becomes <c>'</c>); a <c>.</c> or <c>,</c> between digits stays in the number
/// (<c>3.5</c>, <c>1,000</c>); CJK ideographs and kana are one token each; punctuation and symbols separate
/// words and are dropped or kept as one-character tokens; invisible format characters (soft hyphen,
/// zero-width joiners) are dropped. Thread-safe.
/// </summary>
public sealed class TextTokenizer
{
    /// <summary>
    /// The version of the tokenization rules. Saved with a model; a model whose version differs from this
    /// library's is refused rather than silently tokenized differently.
    /// </summary>
    public const int AlgorithmVersion = 1;

    private readonly TextTokenizerOptions _options;

    /// <summary>Creates a tokenizer; the options are copied.</summary>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    public TextTokenizer(TextTokenizerOptions? options = null)
    {
        _options = options?.Clone() ?? new TextTokenizerOptions();
        _options.Validate();
    }

    /// <summary>A copy of the options this tokenizer uses.</summary>
    public TextTokenizerOptions Options => _options.Clone();

    /// <summary>Splits <paramref name="text"/> into tokens (<see langword="null"/> or empty text gives none).</summary>
    /// <param name="text">The text.</param>
    public IReadOnlyList<string> Tokenize(string? text) => Tokenize(text, int.MaxValue);

    /// <summary>
    /// Splits <paramref name="text"/> into at most <paramref name="maxTokens"/> tokens, the first ones; the
    /// rest of the text is not scanned, so very long documents cost only what is kept.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="maxTokens">The most tokens to return.</param>
    public IReadOnlyList<string> Tokenize(string? text, int maxTokens)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxTokens);
        var buffer = new TokenBuffer();
        Tokenize(text, buffer, maxTokens);
        return buffer.ToStrings();
    }

    /// <summary>Tokenizes into <paramref name="buffer"/> (cleared first); returns the token count.</summary>
    internal int Tokenize(string? text, TokenBuffer buffer, int maxTokens)
    {
        buffer.Clear();
        if (string.IsNullOrEmpty(text) || maxTokens == 0)
        {
            return 0;
        }

        if (_options.StripHtml)
        {
            text = HtmlStripper.Strip(text);
        }

        if (_options.NormalizeUnicode && !IsAscii(text) && !text.IsNormalized(NormalizationForm.FormKC))
        {
            text = text.Normalize(NormalizationForm.FormKC);
        }

        Scan(text, buffer, maxTokens);
        return buffer.Count;
    }

    private void Scan(ReadOnlySpan<char> text, TokenBuffer buffer, int maxTokens)
    {
        Span<char> utf16 = stackalloc char[2];
        int maxLength = _options.MaxTokenLength;
        int i = 0;
        while (i < text.Length && buffer.Count < maxTokens)
        {
            Rune.DecodeFromUtf16(text[i..], out Rune rune, out int consumed);
            i += consumed;
            switch (Classify(rune))
            {
                case CharKind.Word:
                    if (buffer.OpenLength < maxLength)
                    {
                        Rune lower = _options.LowerCase ? Rune.ToLowerInvariant(rune) : rune;
                        int n = lower.EncodeToUtf16(utf16);
                        if (buffer.OpenLength + n <= maxLength)
                        {
                            buffer.Append(utf16[..n]);
                        }
                    }

                    break;

                case CharKind.Ideograph:
                    buffer.Close();
                    if (buffer.Count < maxTokens)
                    {
                        buffer.Append(text.Slice(i - consumed, consumed));
                        buffer.Close();
                    }

                    break;

                case CharKind.Ignored:
                    break;

                case CharKind.Separator:
                    buffer.Close();
                    break;

                default: // Punctuation or symbol
                    if (JoinsWord(rune, text[i..], buffer) && buffer.OpenLength < maxLength)
                    {
                        buffer.Append(rune.Value == '\u2019' ? "'" : [(char)rune.Value]);
                        break;
                    }

                    buffer.Close();
                    if (_options.KeepPunctuation && buffer.Count < maxTokens)
                    {
                        int n = rune.EncodeToUtf16(utf16);
                        buffer.Append(utf16[..n]);
                        buffer.Close();
                    }

                    break;
            }
        }

        if (buffer.Count < maxTokens)
        {
            buffer.Close();
        }
    }

    /// <summary>An apostrophe inside a word, or a decimal point/thousands comma inside a number.</summary>
    private static bool JoinsWord(Rune rune, ReadOnlySpan<char> rest, TokenBuffer buffer)
    {
        if (buffer.OpenLength == 0 || rest.IsEmpty)
        {
            return false;
        }

        Rune.DecodeFromUtf16(rest, out Rune next, out _);
        return rune.Value switch
        {
            '\'' or '\u2019' => Rune.IsLetter(next),
            '.' or ',' => char.IsAsciiDigit(buffer.OpenLastChar) && Rune.IsDigit(next),
            _ => false,
        };
    }

    private CharKind Classify(Rune rune)
    {
        int v = rune.Value;
        if (v < 0x80)
        {
            return char.IsAsciiLetterOrDigit((char)v) ? CharKind.Word
                : v <= 0x20 || v == 0x7F ? CharKind.Separator
                : CharKind.Punctuation;
        }

        if (_options.SplitCjkCharacters && IsCjk(v))
        {
            return CharKind.Ideograph;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => CharKind.Word,
            UnicodeCategory.Format => CharKind.Ignored,
            UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Control or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned => CharKind.Separator,
            _ => CharKind.Punctuation,
        };
    }

    /// <summary>CJK ideographs (all blocks and supplementary planes 2–3), iteration marks, hiragana and katakana.</summary>
    private static bool IsCjk(int v) =>
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0xF900 && v <= 0xFAFF)
        || (v >= 0x20000 && v <= 0x3FFFF) || (v >= 0x3040 && v <= 0x30FF) || (v >= 0x31F0 && v <= 0x31FF)
        || v == 0x3005 || v == 0x3007;

    private static bool IsAscii(string s) => Ascii.IsValid(s);

    private enum CharKind
    {
        Word,
        Ideograph,
        Punctuation,
        Separator,
        Ignored,
    }
}
