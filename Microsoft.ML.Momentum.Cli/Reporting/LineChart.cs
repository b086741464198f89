using System.Globalization;
using System.Net;
using System.Text;

namespace Microsoft.ML.Momentum.Cli.Reporting;

/// <summary>
/// A line chart drawn as inline SVG (no script, no fonts or files from elsewhere): axes with round ticks, one
/// polyline per series, a legend, optional vertical markers (AutoDrop's drops) and an optional log-scale y axis.
/// The root <c>&lt;svg&gt;</c> carries <see cref="Id"/> so tests and readers can find each chart.
/// </summary>
internal sealed class LineChart(string id, string title, string xLabel, string yLabel)
{
    private const double Width = 640, Height = 320, Left = 70, Right = 16, Top = 46, Bottom = 46;
    private const int MaxPointsPerSeries = 1500;

    public string Id => id;

    public string Title => title;

    public List<ChartSeries> Series { get; } = [];

    public List<ChartMarker> Markers { get; } = [];

    /// <summary>Use a log10 y axis when the positive values span more than this ratio (0: never).</summary>
    public double LogYAboveRatio { get; init; }

    /// <summary>Whether any series has a finite point.</summary>
    public bool HasData => Series.Any(s => s.Points.Any(p => Finite(p)));

    public string ToSvg()
    {
        var points = Series.SelectMany(s => s.Points).Where(Finite).ToArray();
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg id=\"{id}\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{Esc(title)}\">");
        svg.Append($"<title>{Esc(title)}</title>");
        svg.Append($"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{Height}\" fill=\"#fff\"/>");
        svg.Append($"<text x=\"{Left}\" y=\"18\" class=\"chart-title\" font-size=\"14\" font-weight=\"600\">{Esc(title)}</text>");
        if (points.Length == 0)
        {
            svg.Append($"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\" fill=\"#888\">no data</text></svg>");
            return svg.ToString();
        }
        var xMin = points.Min(p => p.X);
        var xMax = points.Max(p => p.X);
        foreach (var marker in Markers)
        {
            xMin = Math.Min(xMin, marker.X);
            xMax = Math.Max(xMax, marker.X);
        }
        var positive = points.Where(p => p.Y > 0).Select(p => p.Y).ToArray();
        var log = LogYAboveRatio > 0 && positive.Length == points.Length && positive.Max() / positive.Min() > LogYAboveRatio;
        var xs = new AxisScale(xMin, xMax, Left, Width - Right, log: false);
        var ys = new AxisScale(points.Min(p => p.Y), points.Max(p => p.Y), Height - Bottom, Top, log);
        AppendAxes(svg, xs, ys);
        foreach (var marker in Markers)
        {
            var x = F(xs.Map(marker.X));
            svg.Append($"<g class=\"drop-marker\"><title>{Esc(marker.Label)}</title>")
               .Append($"<line x1=\"{x}\" y1=\"{Top}\" x2=\"{x}\" y2=\"{Height - Bottom}\" stroke=\"#d62728\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>")
               .Append($"<path d=\"M{x} {Top} l-4 -7 h8 z\" fill=\"#d62728\"/></g>");
        }
        foreach (var series in Series)
        {
            var drawn = Thin(series.Points.Where(Finite).ToArray());
            if (drawn.Length == 0) continue;
            var coordinates = string.Join(' ', drawn.Select(p => $"{F(xs.Map(p.X))},{F(ys.Map(p.Y))}"));
            svg.Append($"<polyline class=\"series\" data-series=\"{Esc(series.Name)}\" fill=\"none\" stroke=\"{series.Color}\" stroke-width=\"1.6\"")
               .Append(series.Dashed ? " stroke-dasharray=\"6 3\"" : "")
               .Append($" points=\"{coordinates}\"/>");
            if (series.Dots || drawn.Length == 1)
            {
                foreach (var p in drawn) svg.Append($"<circle cx=\"{F(xs.Map(p.X))}\" cy=\"{F(ys.Map(p.Y))}\" r=\"2.5\" fill=\"{series.Color}\"/>");
            }
        }
        AppendLegend(svg);
        svg.Append("</svg>");
        return svg.ToString();

        void AppendAxes(StringBuilder s, AxisScale x, AxisScale y)
        {
            s.Append($"<g class=\"axes\" font-size=\"11\" fill=\"#444\">");
            foreach (var tick in y.Ticks())
            {
                var py = F(y.Map(tick));
                s.Append($"<line x1=\"{Left}\" y1=\"{py}\" x2=\"{Width - Right}\" y2=\"{py}\" stroke=\"#eee\"/>")
                 .Append($"<text x=\"{Left - 6}\" y=\"{py}\" text-anchor=\"end\" dominant-baseline=\"middle\">{Label(tick)}</text>");
            }
            foreach (var tick in x.Ticks())
            {
                var px = F(x.Map(tick));
                s.Append($"<line x1=\"{px}\" y1=\"{Height - Bottom}\" x2=\"{px}\" y2=\"{Height - Bottom + 4}\" stroke=\"#888\"/>")
                 .Append($"<text x=\"{px}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Label(tick)}</text>");
            }
            s.Append($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" fill=\"none\" stroke=\"#888\"/>")
             .Append($"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 8}\" text-anchor=\"middle\">{Esc(xLabel)}</text>")
             .Append($"<text transform=\"translate(14 {(Top + Height - Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\">{Esc(yLabel)}{(y.Log ? " (log)" : "")}</text>")
             .Append("</g>");
        }

        void AppendLegend(StringBuilder s)
        {
            var entries = Series.Where(e => e.Points.Any(Finite)).ToList();
            var x = Width - Right - 8;
            s.Append("<g class=\"legend\" font-size=\"11\">");
            for (var i = entries.Count - 1; i >= 0; i--)
            {
                var name = entries[i].Name;
                var width = 32 + name.Length * 7.0;
                x -= width;
                s.Append($"<line x1=\"{F(x)}\" y1=\"33\" x2=\"{F(x + 18)}\" y2=\"33\" stroke=\"{entries[i].Color}\" stroke-width=\"2\"{(entries[i].Dashed ? " stroke-dasharray=\"6 3\"" : "")}/>")
                 .Append($"<text x=\"{F(x + 22)}\" y=\"36\">{Esc(name)}</text>");
            }
            s.Append("</g>");
        }
    }

    private static (double X, double Y)[] Thin((double X, double Y)[] points)
    {
        if (points.Length <= MaxPointsPerSeries) return points;
        var stride = (double)points.Length / MaxPointsPerSeries;
        return Enumerable.Range(0, MaxPointsPerSeries).Select(i => points[(int)(i * stride)]).Append(points[^1]).ToArray();
    }

    private static bool Finite((double X, double Y) p) => double.IsFinite(p.X) && double.IsFinite(p.Y);

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A short tick label: 0.001 → "0.001", 12000 → "12k", 1e-5 → "1e-05".</summary>
    public static string Label(double value)
    {
        var a = Math.Abs(value);
        if (a == 0) return "0";
        if (a >= 1e6) return (value / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "M";
        if (a >= 1e4) return (value / 1e3).ToString("0.##", CultureInfo.InvariantCulture) + "k";
        if (a < 1e-3) return value.ToString("0.#e+0", CultureInfo.InvariantCulture);
        return value.ToString("0.####", CultureInfo.InvariantCulture);
    }

    private static string Esc(string text) => WebUtility.HtmlEncode(text);
}
