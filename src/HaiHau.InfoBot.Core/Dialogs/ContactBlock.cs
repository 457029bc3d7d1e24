using HaiHau.InfoBot.Core.Content;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// The office a resident can turn to, for {contact}: the UBND xã of their commune today (Phòng Văn hóa – Xã hội).
/// Since 1/7/2025 there is no district office. Unknown numbers are said to be unknown, never guessed.
/// </summary>
public static class ContactBlock
{
    private const string NumberPending = "số điện thoại đang được cập nhật";

    public static string Describe(IContentStore content, string? communeCode)
    {
        var lines = new List<string>();
        if (communeCode is not null && content.FindCommune(communeCode) is { } commune)
        {
            lines.Add($"• {commune.OfficeName}: {commune.Phone ?? NumberPending}{(commune.Address is null ? string.Empty : $", {commune.Address}")}");
        }
        else
        {
            lines.Add($"• {content.District.OfficeName}");
        }

        lines.Add($"Giờ làm việc: {content.District.OfficeHours}.");
        return string.Join('\n', lines);
    }
}
