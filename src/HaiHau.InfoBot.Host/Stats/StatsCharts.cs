using System.Globalization;
using System.Net;
using System.Text;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Host.Stats;

/// <summary>
/// Charts drawn on the server as inline SVG: no script, no library, no CDN, and they print. Every chart has a title
/// and a text alternative (role="img", aria-label), and every label is HTML-encoded (topic and announcement texts
/// come from staff).
/// </summary>
public static class StatsCharts
{
    public sealed record Series(string Name, string CssClass, IReadOnlyList<int> Values);

    private const int Width = 640;
    private const int Left = 44;
    private const int Right = 12;
    private const int Top = 28;
    private const int Bottom = 36;

    /// <summary>A line per series over the period's days (or months).</summary>
    public static string Lines(string id, string title, IReadOnlyList<string> labels, IReadOnlyList<Series> series)
    {
        const int height = 240;
        var max = Math.Max(1, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var plotW = Width - Left - Right;
        var plotH = height - Top - Bottom;
        double X(int i) => Left + (labels.Count <= 1 ? plotW / 2.0 : plotW * i / (double)(labels.Count - 1));
        double Y(int v) => Top + plotH - (plotH * v / (double)max);

        var svg = Open(id, title, height, string.Join("; ", series.Select(s => $"{s.Name}: tổng {VietnameseFormat.Number(s.Values.Sum())}")));
        Axes(svg, max, plotW, plotH);
        var every = Math.Max(1, (int)Math.Ceiling(labels.Count / 10.0)); // at most ten labels under the axis
        for (var i = 0; i < labels.Count; i += every)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-label\" x=\"{X(i):0.#}\" y=\"{height - Bottom + 16}\" text-anchor=\"middle\">{E(labels[i])}</text>");
        }

        foreach (var s in series)
        {
            var points = string.Join(' ', s.Values.Select((v, i) => string.Create(CultureInfo.InvariantCulture, $"{X(i):0.#},{Y(v):0.#}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"series {s.CssClass}\" fill=\"none\" points=\"{points}\"><title>{E(s.Name)}</title></polyline>");
        }

        Legend(svg, series.Select(s => (s.Name, s.CssClass)).ToList());
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Grouped vertical bars: one group per category, one bar per series.</summary>
    public static string Bars(string id, string title, IReadOnlyList<string> categories, IReadOnlyList<Series> series)
    {
        const int height = 240;
        var max = Math.Max(1, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var plotW = Width - Left - Right;
        var plotH = height - Top - Bottom;
        var svg = Open(id, title, height, string.Join("; ", categories.Select((c, i) => $"{c}: " + string.Join(", ", series.Select(s => $"{s.Name} {VietnameseFormat.Number(s.Values[i])}")))));
        Axes(svg, max, plotW, plotH);
        var group = plotW / (double)Math.Max(1, categories.Count);
        var bar = group * 0.8 / Math.Max(1, series.Count);
        for (var c = 0; c < categories.Count; c++)
        {
            var x0 = Left + (group * c) + (group * 0.1);
            for (var s = 0; s < series.Count; s++)
            {
                var v = series[s].Values[c];
                var h = plotH * v / (double)max;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"bar {series[s].CssClass}\" x=\"{x0 + (bar * s):0.#}\" y=\"{Top + plotH - h:0.#}\" width=\"{bar * 0.9:0.#}\" height=\"{h:0.#}\"><title>{E(categories[c])} – {E(series[s].Name)}: {VietnameseFormat.Number(v)}</title></rect>");
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{x0 + (bar * s) + (bar * 0.45):0.#}\" y=\"{Top + plotH - h - 3:0.#}\" text-anchor=\"middle\">{VietnameseFormat.Number(v)}</text>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-label\" x=\"{x0 + (group * 0.4):0.#}\" y=\"{height - Bottom + 16}\" text-anchor=\"middle\">{E(categories[c])}</text>");
        }

        Legend(svg, series.Select(s => (s.Name, s.CssClass)).ToList());
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Reach per commune: a horizontal bar per commune (0–100 %), the plan's target as a dashed line.</summary>
    public static string Reach(string id, string title, IReadOnlyList<ReachCommune> communes, decimal target)
    {
        const int row = 26;
        const int labelW = 150;
        var height = Top + (row * Math.Max(1, communes.Count)) + Bottom;
        var plotW = Width - labelW - Right - 40;
        double X(decimal percent) => labelW + (plotW * (double)Math.Clamp(percent, 0, 100) / 100.0);
        var svg = Open(id, title, height, $"Chỉ tiêu {VietnameseFormat.Percent(target)}; "
            + string.Join("; ", communes.Select(c => $"{c.Name}: {(c.Percent is { } p ? VietnameseFormat.Percent(p) : "chưa có danh sách")}")));
        for (var i = 0; i < communes.Count; i++)
        {
            var c = communes[i];
            var y = Top + (row * i);
            var css = c.MeetsTarget ? "bar reach-met" : "bar reach-below";
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-label\" x=\"{labelW - 6}\" y=\"{y + 16}\" text-anchor=\"end\">{E(c.Name)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"track\" x=\"{labelW}\" y=\"{y + 4}\" width=\"{plotW}\" height=\"{row - 8}\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"{css}\" x=\"{labelW}\" y=\"{y + 4}\" width=\"{X(c.Percent ?? 0) - labelW:0.#}\" height=\"{row - 8}\"><title>{E(c.Name)}: {VietnameseFormat.Number(c.Reached)}/{VietnameseFormat.Number(c.Households)} hộ</title></rect>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"value\" x=\"{X(c.Percent ?? 0) + 4:0.#}\" y=\"{y + 16}\">{(c.Percent is { } p ? VietnameseFormat.Percent(p) : "—")}</text>");
        }

        var tx = X(target);
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"target\" x1=\"{tx:0.#}\" x2=\"{tx:0.#}\" y1=\"{Top - 6}\" y2=\"{height - Bottom + 4}\"><title>Chỉ tiêu {VietnameseFormat.Percent(target)}</title></line>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"target-label\" x=\"{tx:0.#}\" y=\"{Top - 10}\" text-anchor=\"middle\">Chỉ tiêu {VietnameseFormat.Percent(target)}</text>");
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string id, string title, int height, string description) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg id=\"{E(id)}\" class=\"chart\" role=\"img\" aria-label=\"{E(title)}. {E(description)}\" viewBox=\"0 0 {Width} {height}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{E(title)}</title>");

    private static void Axes(StringBuilder svg, int max, int plotW, int plotH)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" y1=\"{Top + plotH}\" x2=\"{Left + plotW}\" y2=\"{Top + plotH}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + plotH}\"/>");
        foreach (var v in new[] { 0, max / 2, max }.Distinct())
        {
            var y = Top + plotH - (plotH * v / (double)max);
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-label\" x=\"{Left - 4}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{VietnameseFormat.Number(v)}</text>");
        }
    }

    private static void Legend(StringBuilder svg, List<(string Name, string Css)> items)
    {
        var x = Left;
        foreach (var (name, css) in items)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"legend {css}\" x=\"{x}\" y=\"6\" width=\"12\" height=\"12\"/><text class=\"axis-label\" x=\"{x + 16}\" y=\"16\">{E(name)}</text>");
            x += 28 + (name.Length * 7);
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
