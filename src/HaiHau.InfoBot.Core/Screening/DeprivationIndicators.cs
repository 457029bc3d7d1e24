namespace HaiHau.InfoBot.Core.Screening;

/// <summary>One deprivation indicator of a poverty standard, by its stable code, with its dimension.</summary>
public sealed record DeprivationIndicator(string Code, string Dimension);

/// <summary>
/// The 12 indicators of NĐ 07/2021 Art. 3(1)(b) (policy-currency-2026.md Q1, [C]). Codes are ASCII and stable: the
/// screener dialog, the officers' <c>screen</c> verb and any stored statistics refer to them by code, never by
/// position, because the next standard (NĐ 351/2025) has its own list. Their Vietnamese wording lives in the dialog.
/// </summary>
public static class DeprivationIndicators
{
    public static readonly IReadOnlyList<DeprivationIndicator> Nd07Of2021 =
    [
        new("viec-lam", "viec-lam"),
        new("nguoi-phu-thuoc", "viec-lam"),
        new("dinh-duong", "y-te"),
        new("bao-hiem-y-te", "y-te"),
        new("trinh-do-giao-duc", "giao-duc"),
        new("di-hoc-tre-em", "giao-duc"),
        new("chat-luong-nha-o", "nha-o"),
        new("dien-tich-nha-o", "nha-o"),
        new("nguon-nuoc", "nuoc-ve-sinh"),
        new("nha-tieu", "nuoc-ve-sinh"),
        new("vien-thong", "thong-tin"),
        new("tiep-can-thong-tin", "thong-tin"),
    ];

    /// <summary>
    /// "4" → "bao-hiem-y-te": the numbering of NĐ 07/2021 that officers know from Phiếu B, accepted as input only.
    /// </summary>
    public static string? FromNd07Number(int number) => number is >= 1 and <= 12 ? Nd07Of2021[number - 1].Code : null;
}
