using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Listings;

/// <summary>How a listing reads in the chat: one short block in a list, or the whole record when picked.</summary>
public static class ListingText
{
    public static string Line(Listing l)
    {
        var where = l.Place ?? string.Empty;
        var pay = l.PayOrSupport is null ? string.Empty : $"\n{(l.Kind == ListingKind.Job ? "Lương" : "Hỗ trợ")}: {l.PayOrSupport}";
        return $"{l.Title}\n{l.Provider}{(where.Length > 0 ? " – " + where : string.Empty)}{pay}\nHạn {(l.Kind == ListingKind.Job ? "nộp hồ sơ" : "đăng ký")}: {VietnameseFormat.Date(l.Deadline)}";
    }

    public static string Details(Listing l)
    {
        var lines = new List<string> { l.Title.ToUpperInvariant(), string.Empty };
        lines.Add($"{(l.Kind == ListingKind.Job ? "Nơi tuyển" : "Cơ sở đào tạo")}: {l.Provider}");
        if (l.Place is not null)
        {
            lines.Add($"{(l.Kind == ListingKind.Job ? "Nơi làm việc" : "Nơi học")}: {l.Place}");
        }

        if (l.PayOrSupport is not null)
        {
            lines.Add($"{(l.Kind == ListingKind.Job ? "Lương" : "Hỗ trợ")}: {l.PayOrSupport}");
        }

        if (l.StartsOn is { } start)
        {
            lines.Add($"Khai giảng: {VietnameseFormat.Date(start)}");
        }

        lines.Add($"Hạn {(l.Kind == ListingKind.Job ? "nộp hồ sơ" : "đăng ký")}: {VietnameseFormat.Date(l.Deadline)}");
        if (l.Description is not null)
        {
            lines.Add(l.Description);
        }

        lines.Add($"Liên hệ: {l.Contact}");
        lines.Add($"Nguồn tin: {l.Source}");
        return string.Join('\n', lines);
    }
}
