namespace HaiHau.InfoBot.Core.Text;

/// <summary>
/// Vietnamese phone numbers in one form, so the register's phones and the ones a platform verified (Telegram's shared
/// contact "84912345678", Zalo's "84…") compare equal. Lives in Core because both the register import and the
/// channel adapters need it.
/// </summary>
public static class PhoneNumbers
{
    /// <summary>
    /// A Vietnamese mobile or landline number in national form (0 + 9 or 10 digits), from "0912 345 678",
    /// "+84 912345678", "84912345678", or a spreadsheet cell that lost its leading zero (912345678). Null when not one.
    /// </summary>
    public static string? Normalise(string? text)
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
}
