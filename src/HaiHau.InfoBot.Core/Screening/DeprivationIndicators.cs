namespace HaiHau.InfoBot.Core.Screening;

/// <summary>One of the 12 deprivation indicators, numbered 1–12 in the order of NĐ 07/2021 Art. 3(1)(b).</summary>
public sealed record DeprivationIndicator(int Number, string Code, string Dimension);

/// <summary>
/// The 12 indicators of NĐ 07/2021 (policy-facts.md §1.3). Codes are ASCII and stable: the screener dialog, the
/// officers' <c>screen</c> verb and any stored statistics refer to them. Their Vietnamese wording lives in the dialog.
/// </summary>
public static class DeprivationIndicators
{
    public const int Count = 12;

    public static readonly IReadOnlyList<DeprivationIndicator> All =
    [
        new(1, "viec-lam", "viec-lam"),
        new(2, "nguoi-phu-thuoc", "viec-lam"),
        new(3, "dinh-duong", "y-te"),
        new(4, "bao-hiem-y-te", "y-te"),
        new(5, "trinh-do-giao-duc", "giao-duc"),
        new(6, "di-hoc-tre-em", "giao-duc"),
        new(7, "chat-luong-nha-o", "nha-o"),
        new(8, "dien-tich-nha-o", "nha-o"),
        new(9, "nguon-nuoc", "nuoc-ve-sinh"),
        new(10, "nha-tieu", "nuoc-ve-sinh"),
        new(11, "vien-thong", "thong-tin"),
        new(12, "tiep-can-thong-tin", "thong-tin"),
    ];

    public static bool IsValid(int number) => number is >= 1 and <= Count;
}
