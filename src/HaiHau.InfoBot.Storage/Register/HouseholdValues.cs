using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Storage.Register;

/// <summary>How a list's values are read: household codes, categories and phone numbers as people write them.</summary>
public static class HouseholdValues
{
    /// <summary>"hh-001 " and "HH-001" are one code: upper case, no spaces.</summary>
    public static string NormaliseCode(string code) =>
        new string(code.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    /// <summary>"nghèo", "Hộ nghèo", "ngheo", "N" → poor; "cận nghèo", "can ngheo", "CN" → near-poor; anything else null.</summary>
    public static RegisterCategory? Category(string? text) => VietnameseText.Fold(text) switch
    {
        "ngheo" or "ho ngheo" or "n" or "hn" => RegisterCategory.Poor,
        "can ngheo" or "ho can ngheo" or "cn" or "hcn" => RegisterCategory.NearPoor,
        _ => null,
    };

    /// <summary>
    /// A Vietnamese mobile or landline number in national form (0 + 9 or 10 digits), from "0912 345 678",
    /// "+84 912345678", "84912345678", or a spreadsheet cell that lost its leading zero (912345678). Null when not one.
    /// </summary>
    public static string? Phone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (text.TrimStart().StartsWith('+') || (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length == 11))
        {
            digits = digits.StartsWith("84", StringComparison.Ordinal) ? "0" + digits[2..] : digits;
        }
        else if (!digits.StartsWith('0') && digits.Length is 9 or 10)
        {
            digits = "0" + digits;
        }

        return digits.Length is 10 or 11 && digits[0] == '0' ? digits : null;
    }

    /// <summary>A head's name folded, so "Nguyễn Văn A" typed as "nguyen van a" matches.</summary>
    public static string NameKey(string name) => VietnameseText.Fold(name);
}
