using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Listings;

/// <summary>
/// The announcement subscribers get when officers publish new jobs or courses: short, names each listing (title,
/// where, deadline) and says how to see it in the chat. Several new listings go in one message, so an import of
/// twenty rows is one message, not twenty.
/// </summary>
public static class ListingNewsText
{
    /// <summary>At most this many listings are named; the rest are counted.</summary>
    public const int MaxNamed = 5;

    public static string For(ListingKind kind, IReadOnlyList<Listing> listings, Func<string, string?> communeName)
    {
        var job = kind == ListingKind.Job;
        var how = job ? "Bác gõ \"việc làm\" để xem chi tiết ạ." : "Bác gõ \"học nghề\" để xem chi tiết ạ.";
        if (listings.Count == 1)
        {
            var l = listings[0];
            return $"{(job ? "Có việc làm mới" : "Có khóa học nghề mới")}: {l.Title} ({l.Provider}){Where(l, communeName, ", tại ")}. "
                + $"{(job ? "Hạn nộp hồ sơ" : "Hạn đăng ký")}: {VietnameseFormat.Date(l.Deadline)}.\n{how}";
        }

        var lines = new List<string> { $"Có {listings.Count} {(job ? "việc làm mới" : "khóa học nghề mới")}:" };
        lines.AddRange(listings.Take(MaxNamed).Select(l => $"- {l.Title}{Where(l, communeName, ", tại ")}, hạn {VietnameseFormat.Date(l.Deadline)}"));
        if (listings.Count > MaxNamed)
        {
            lines.Add($"- và {listings.Count - MaxNamed} {(job ? "việc làm" : "khóa học")} khác");
        }

        lines.Add(how);
        return string.Join('\n', lines);
    }

    private static string Where(Listing l, Func<string, string?> communeName, string prefix)
    {
        var where = l.Place ?? (l.CommuneCode is { } code ? communeName(code) : null);
        return where is null ? string.Empty : prefix + where;
    }
}
