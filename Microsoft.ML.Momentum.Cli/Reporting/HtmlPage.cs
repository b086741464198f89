using System.Net;
using System.Text;

namespace Microsoft.ML.Momentum.Cli.Reporting;

/// <summary>The shell of a self-contained report page: inline CSS, no script, nothing loaded from elsewhere.</summary>
internal static class HtmlPage
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:24px auto;max-width:1340px;color:#222;padding:0 16px}
        h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd;padding-bottom:4px}
        .meta{color:#666;font-size:13px}.charts{display:flex;flex-wrap:wrap;gap:16px}
        .charts figure{margin:0;border:1px solid #e3e3e3;border-radius:6px;padding:4px}
        .na{color:#777;font-style:italic;font-size:13px;margin:4px 0}
        table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ddd;padding:4px 8px;text-align:right}
        th{background:#f5f5f5}td.name,th.name{text-align:left}
        table.confusion td{min-width:40px}
        pre{background:#f7f7f7;padding:8px;border-radius:4px;font-size:12px;overflow:auto}
        """;

    public static string Build(string title, Action<StringBuilder> body)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
            .Append($"<title>{Esc(title)}</title><style>{Style}</style></head><body>\n");
        body(html);
        html.Append("\n</body></html>\n");
        return html.ToString();
    }

    public static string Esc(string text) => WebUtility.HtmlEncode(text);
}
