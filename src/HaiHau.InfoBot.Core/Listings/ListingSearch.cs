using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Listings;

/// <summary>
/// Browse and search, pure: never an expired listing; every word typed must appear (diacritics and case ignored);
/// with a commune, that commune's listings first, then those open to the whole district (no commune given);
/// newest first.
/// </summary>
public static class ListingSearch
{
    /// <summary>Small words residents add that would otherwise hide every listing ("việc làm ở Hải Châu").</summary>
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "o", "tai", "cho", "va", "tim", "viec", "lam", "khoa", "hoc", "nghe", "can", "muon", "co", "khong", "ko", "k", "xa", "thi", "tran", "tt", "a", "nhe", "gi",
        // «làm công ty may», «thử tìm hàn xem»: where the work is done, and the asking, are not the trade.
        "cong", "ty", "thu", "xem", "duoc", "dc",
        // «tìm việc may cho con dâu», «có chỗ nào tuyển may không», «thế tìm nghề hàn xem»: for whom, and the asking.
        "con", "dau", "chau", "em", "bac", "toi", "chong", "vo", "nha", "cai", "nao", "the", "di", "nua", "them", "khac", "tuyen", "lop",
    };

    public static IReadOnlyList<Listing> Find(IEnumerable<Listing> all, DateOnly today, string? words = null, string? communeCode = null, int take = 5)
    {
        var terms = Terms(words);
        return all
            .Where(l => l.IsOpenOn(today))
            .Where(l => communeCode is null || l.CommuneCode is null || l.CommuneCode == communeCode)
            .Where(l => terms.All(t => (" " + l.SearchText + " ").Contains(" " + t, StringComparison.Ordinal)))
            .OrderBy(l => communeCode is not null && l.CommuneCode == communeCode ? 0 : 1)
            .ThenByDescending(l => l.PostedOn)
            .ThenBy(l => l.Deadline)
            .ThenBy(l => l.Code, StringComparer.Ordinal)
            .Take(take)
            .ToList();
    }

    public static Listing? FindCode(IEnumerable<Listing> all, DateOnly today, string code) =>
        all.FirstOrDefault(l => l.Code == code && l.IsOpenOn(today));

    /// <summary>
    /// When the class or the job is asked about («lớp điện dân dụng khi nào mở», «bao giờ khai giảng»): the asking, not the
    /// trade. Whole phrases, since «bảo» and «mở» alone are in trades too («bảo vệ»).
    /// </summary>
    private static readonly string[] AskedWhen =
    [
        // In this order: a phrase that holds another comes first («sắp mở» before «mở không» takes its «mở»).
        " khi nao mo ", " bao gio mo ", " luc nao mo ", " sap mo ", " moi mo ", " dang mo ", " da mo chua ", " khi nao ", " bao gio ",
        " luc nao ", " hien nay ", " bay gio ", " sap toi ", " mo chua ", " co mo ", " mo lop ", " mo khong ", " khai giang ", " bat dau ",
    ];

    /// <summary>Folded search words without the small words residents add around them.</summary>
    public static IReadOnlyList<string> Terms(string? words) =>
        WithoutAskedWhen(VietnameseText.Fold(words)).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Filler.Contains(w)).ToList(); // "tìm việc" alone: everything, not nothing

    /// <summary>Folded words without the phrases that ask when (<see cref="AskedWhen"/>): the engine's trade words read them too.</summary>
    public static string WithoutAskedWhen(string folded)
    {
        var spaced = " " + folded + " ";
        foreach (var phrase in AskedWhen)
        {
            spaced = spaced.Replace(phrase, " ", StringComparison.Ordinal);
        }

        return spaced;
    }

    /// <summary>
    /// Splits a typed search into a commune (when it names one: "việc ở Hải Châu") and the remaining words, so a
    /// commune typed as words filters by commune and still shows the district-wide listings.
    /// </summary>
    public static (string? CommuneCode, string? Words) SplitCommune(IContentStore content, string? words)
    {
        // Any name of any period ("Hải Châu") filters by today's commune (xã Hải Thịnh); the name typed is removed.
        if (CommuneMatcher.Resolve(content, words) is not { Current: { } commune } found)
        {
            return (null, words);
        }

        var rest = " " + VietnameseText.Fold(words) + " ";
        foreach (var name in new[] { found.Named.ShortName, commune.ShortName })
        {
            rest = rest.Replace(" " + VietnameseText.Fold(name) + " ", " ", StringComparison.Ordinal);
        }

        return (commune.Code, rest.Trim());
    }
}
