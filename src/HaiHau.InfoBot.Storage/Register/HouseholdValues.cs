using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Storage.Register;

/// <summary>How a list's values are read: household codes, categories and phone numbers as people write them.</summary>
public static partial class HouseholdValues
{
    /// <summary>
    /// A household code (README, "The household register"): starts with a letter or digit, then letters, digits
    /// and . _ / -, at most 64 characters. Nothing a spreadsheet reads as a formula (= + - @) can start it.
    /// </summary>
    public const string CodeRule = "bắt đầu bằng chữ hoặc số, chỉ gồm chữ, số và các dấu - _ . /, tối đa 64 ký tự";

    public static bool IsValidCode(string normalisedCode) => CodePattern().IsMatch(normalisedCode);

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}._/-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    /// <summary>"hh-001 " and "HH-001" are one code: upper case, no spaces.</summary>
    public static string NormaliseCode(string code) =>
        new string(code.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    /// <summary>
    /// A code as residents type it, reduced to its letters and digits: "HH26032", "hc 26 007" and "HC-26-007" are one
    /// code. Queries compare it with the stored code stripped of - . / _ (SQL REPLACE, so no new column).
    /// </summary>
    public static string CodeKey(string code) => new string(code.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();

    /// <summary>"nghèo", "Hộ nghèo", "ngheo", "N" → poor; "cận nghèo", "can ngheo", "CN" → near-poor; anything else null.</summary>
    public static RegisterCategory? Category(string? text) => VietnameseText.Fold(text) switch
    {
        "ngheo" or "ho ngheo" or "n" or "hn" => RegisterCategory.Poor,
        "can ngheo" or "ho can ngheo" or "cn" or "hcn" => RegisterCategory.NearPoor,
        _ => null,
    };

    /// <summary>A phone in national form (0 + 9 or 10 digits), or null; see <see cref="PhoneNumbers.Normalise"/>.</summary>
    public static string? Phone(string? text) => PhoneNumbers.Normalise(text);

    /// <summary>A head's name folded, so "Nguyễn Văn A" typed as "nguyen van a" matches.</summary>
    public static string NameKey(string name) => VietnameseText.Fold(name);
}
