using System.Net;
using System.Text;

namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// Replaces HTML/XML tags with a space and then decodes character entities. A tag is <c>&lt;</c> followed by a
/// letter, <c>/</c>, <c>!</c> or <c>?</c>, up to the next <c>&gt;</c> with no <c>&lt;</c> in between (and at most
/// <see cref="MaxTagLength"/> characters); anything else (e.g. <c>a &lt; b</c>) is left as text.
/// </summary>
internal static class HtmlStripper
{
    public const int MaxTagLength = 2048;

    public static string Strip(string text)
    {
        int lt = text.IndexOf('<');
        if (lt >= 0)
        {
            text = RemoveTags(text, lt);
        }

        return text.Contains('&') ? WebUtility.HtmlDecode(text) : text;
    }

    private static string RemoveTags(string text, int first)
    {
        var sb = new StringBuilder(text.Length);
        int copied = 0;
        for (int i = first; i >= 0 && i < text.Length; i = text.IndexOf('<', i + 1))
        {
            if (i + 1 >= text.Length || !(char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '/' or '!' or '?'))
            {
                continue;
            }

            int limit = Math.Min(text.Length, i + MaxTagLength);
            int end = -1;
            for (int j = i + 1; j < limit; j++)
            {
                if (text[j] == '>')
                {
                    end = j;
                    break;
                }

                if (text[j] == '<')
                {
                    break;
                }
            }

            if (end < 0)
            {
                continue;
            }

            sb.Append(text, copied, i - copied).Append(' ');
            copied = end + 1;
            i = end;
        }

        return copied == 0 ? text : sb.Append(text, copied, text.Length - copied).ToString();
    }
}
