using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Storage.Register;

/// <summary>One data row of a list file as read: its row number in the file (the header is row 1) and its cells by column.</summary>
public sealed record HouseholdRow(int Number, string? Code, string? Commune, string? Village, string? Category, string? HeadName, string? Phone);

/// <summary>A row the import refused, and why (Vietnamese, for the officer who must fix the file).</summary>
public sealed record RejectedRow(int Number, string? Code, string Reason);

/// <summary>The template's columns, with the folded header names each accepts (with or without diacritics).</summary>
public static class HouseholdColumns
{
    public const string Code = "Mã hộ";
    public const string Commune = "Xã/thị trấn";
    public const string Village = "Thôn/xóm";
    public const string Category = "Phân loại (nghèo/cận nghèo)";
    public const string HeadName = "Chủ hộ";
    public const string Phone = "Số điện thoại";

    public static readonly IReadOnlyList<string> All = [Code, Commune, Village, Category, HeadName, Phone];

    public static readonly IReadOnlyList<string> Required = [Code, Commune, Category, HeadName];

    private static readonly Dictionary<string, string> Aliases = BuildAliases();

    /// <summary>The template column a header means, or null: "Mã hộ", "ma ho", "MÃ HỘ" are one.</summary>
    public static string? Recognise(string? header) => Aliases.GetValueOrDefault(VietnameseText.Fold(header));

    private static Dictionary<string, string> BuildAliases()
    {
        var table = new (string Column, string[] Names)[]
        {
            (Code, [Code, "mã số hộ", "mã hộ gia đình"]),
            (Commune, [Commune, "xã", "xã, thị trấn", "xã thị trấn", "đơn vị"]),
            (Village, [Village, "thôn", "xóm", "thôn, xóm", "thôn xóm", "tổ dân phố"]),
            (Category, [Category, "phân loại", "loại hộ", "diện", "phân loại hộ"]),
            (HeadName, [HeadName, "họ tên chủ hộ", "tên chủ hộ", "họ và tên chủ hộ"]),
            (Phone, [Phone, "điện thoại", "sđt", "số đt"]),
        };
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (column, names) in table)
        {
            foreach (var name in names)
            {
                aliases[VietnameseText.Fold(name)] = column;
            }
        }

        return aliases;
    }
}
