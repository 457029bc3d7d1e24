using System.Globalization;
using System.Text;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Storage.Reach;

namespace HaiHau.InfoBot.Host.Reach;

/// <summary>The reach report in words and files: the definition every export carries, CSV, XLSX and the JSON shape.</summary>
public sealed class ReachPresenter(IContentStore content)
{
    public const string TargetFact = "ke-hoach-ty-le-tiep-can-thong-tin";

    /// <summary>The plan's target in percent, from content/facts.yaml (never typed into code).</summary>
    public decimal Target => decimal.Parse(content.FindFact(TargetFact)?.Latest.Value ?? "0", CultureInfo.InvariantCulture);

    public string Definition(ReachResult r) =>
        $"Định nghĩa: trong kỳ từ {VietnameseFormat.Date(r.Query.From)} đến {VietnameseFormat.Date(r.Query.To)}, một hộ nghèo, cận nghèo "
        + $"trong danh sách năm {r.Query.ListYear} được tính là đã tiếp cận thông tin khi ít nhất một người dân đã liên kết với hộ nhận được "
        + "nội dung thông tin (bài viết, câu trả lời, kết quả tự đánh giá, thông báo) trong kỳ; nhiều người, nhiều kênh của cùng một hộ chỉ tính một hộ. "
        + $"Tỷ lệ = số hộ đã tiếp cận ÷ tổng số hộ nghèo, cận nghèo của danh sách, so với chỉ tiêu {VietnameseFormat.Percent(Target)} "
        + "(Kế hoạch giảm nghèo bền vững năm 2022 của huyện Hải Hậu, mục II.2.2). Người tự khai là hộ nghèo, cận nghèo nhưng không có trong danh sách "
        + "được báo cáo riêng và không cộng vào tỷ lệ.";

    public string CommuneName(string code) => code.Length == 0 ? "Toàn huyện" : content.FindCommune(code)?.Name ?? code;

    public string Percent(ReachLine line) => line.Percent is { } p ? VietnameseFormat.Percent(p) : "—";

    public string Status(ReachLine line) => line.Percent is not { } p ? "Chưa có danh sách" : p >= Target ? "Đạt" : "Chưa đạt";

    public IReadOnlyList<ReachLine> Lines(ReachResult r) => [.. r.Communes, r.District];

    public string Csv(ReachResult r)
    {
        var sb = new StringBuilder();
        sb.Append('"').Append(Definition(r).Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\"\n");
        sb.Append("Xã/thị trấn,Hộ nghèo,Hộ cận nghèo,Tổng số hộ,Hộ nghèo đã tiếp cận,Hộ cận nghèo đã tiếp cận,Tổng số hộ đã tiếp cận,Tỷ lệ (%),Đánh giá\n");
        foreach (var line in Lines(r))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{CommuneName(line.Commune)},{line.Poor},{line.NearPoor},{line.Households},{line.ReachedPoor},{line.ReachedNearPoor},{line.Reached},")
                .Append(line.Percent?.ToString("0.0", CultureInfo.InvariantCulture) ?? "").Append(',').Append(Status(line)).Append('\n');
        }

        sb.Append("\nNgười tự khai nghèo/cận nghèo không có trong danh sách (không tính vào tỷ lệ)\nXã/thị trấn,Tự khai nghèo,Tự khai cận nghèo\n");
        foreach (var line in r.SelfDeclared)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{(line.Commune is null ? "Không rõ" : CommuneName(line.Commune))},{line.Poor},{line.NearPoor}\n");
        }

        AppendBreakdown(sb, "Số hộ trong danh sách đã tiếp cận, theo kênh", r.ByChannel);
        AppendBreakdown(sb, "Theo chủ đề", r.ByTopic);
        AppendBreakdown(sb, "Theo tháng", r.ByMonth);
        return sb.ToString();
    }

    /// <summary>Sheets: the table (numbers the Vietnamese way), the breakdowns, and the definition.</summary>
    public byte[] Xlsx(ReachResult r)
    {
        var table = Lines(r).Select(line => new Dictionary<string, object?>
        {
            ["Xã/thị trấn"] = CommuneName(line.Commune),
            ["Hộ nghèo"] = VietnameseFormat.Number(line.Poor),
            ["Hộ cận nghèo"] = VietnameseFormat.Number(line.NearPoor),
            ["Tổng số hộ"] = VietnameseFormat.Number(line.Households),
            ["Hộ nghèo đã tiếp cận"] = VietnameseFormat.Number(line.ReachedPoor),
            ["Hộ cận nghèo đã tiếp cận"] = VietnameseFormat.Number(line.ReachedNearPoor),
            ["Tổng số hộ đã tiếp cận"] = VietnameseFormat.Number(line.Reached),
            ["Tỷ lệ"] = Percent(line),
            ["Đánh giá"] = Status(line),
        }).ToList();
        var breakdowns = r.ByChannel.Select(b => Row("Kênh", b)).Concat(r.ByTopic.Select(b => Row("Chủ đề", b))).Concat(r.ByMonth.Select(b => Row("Tháng", b))).ToList();
        var self = r.SelfDeclared.Select(s => new Dictionary<string, object?>
        {
            ["Xã/thị trấn"] = s.Commune is null ? "Không rõ" : CommuneName(s.Commune),
            ["Tự khai nghèo"] = VietnameseFormat.Number(s.Poor),
            ["Tự khai cận nghèo"] = VietnameseFormat.Number(s.NearPoor),
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["Ty le tiep can"] = table,
            ["Phan tich"] = breakdowns,
            ["Tu khai ngoai danh sach"] = self,
            ["Dinh nghia"] = new[] { new Dictionary<string, object?> { ["Định nghĩa"] = Definition(r) } },
        };
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, sheets);
        return stream.ToArray();
    }

    public object Json(ReachResult r) => new
    {
        definition = Definition(r),
        from = r.Query.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        to = r.Query.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        listYear = r.Query.ListYear,
        commune = r.Query.Commune,
        targetPercent = Target,
        communes = r.Communes.Select(Line).ToList(),
        district = Line(r.District),
        byChannel = r.ByChannel,
        byTopic = r.ByTopic,
        byMonth = r.ByMonth,
        selfDeclaredNotOnList = r.SelfDeclared,
    };

    private object Line(ReachLine l) => new
    {
        commune = l.Commune.Length == 0 ? null : l.Commune,
        name = CommuneName(l.Commune),
        poor = l.Poor,
        nearPoor = l.NearPoor,
        households = l.Households,
        reachedPoor = l.ReachedPoor,
        reachedNearPoor = l.ReachedNearPoor,
        reached = l.Reached,
        percent = l.Percent,
        meetsTarget = l.Percent >= Target,
    };

    private static Dictionary<string, object?> Row(string kind, ReachBreakdown b) =>
        new() { ["Phân theo"] = kind, ["Giá trị"] = b.Key, ["Số hộ đã tiếp cận"] = VietnameseFormat.Number(b.Households) };

    private static void AppendBreakdown(StringBuilder sb, string title, IReadOnlyList<ReachBreakdown> rows)
    {
        sb.Append('\n').Append(title).Append('\n');
        foreach (var row in rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{row.Key},{row.Households}\n");
        }
    }
}
