using HaiHau.InfoBot.Core.Content;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>The offices a resident can turn to, for {contact}. Unknown numbers are said to be unknown, never guessed.</summary>
public static class ContactBlock
{
    private const string NumberPending = "số điện thoại đang được cập nhật";

    public static string Describe(IContentStore content, string? communeCode)
    {
        var district = content.District;
        var lines = new List<string>();
        if (communeCode is not null && content.FindCommune(communeCode) is { } commune)
        {
            lines.Add($"• {commune.OfficeName}: {commune.Phone ?? NumberPending}{(commune.Address is null ? string.Empty : $", {commune.Address}")}");
        }
        else
        {
            lines.Add("• UBND xã, thị trấn nơi bác ở (gặp cán bộ Lao động – Thương binh và Xã hội)");
        }

        lines.Add($"• {district.LabourOfficeName}: {district.LabourOfficePhone ?? NumberPending}");
        lines.Add($"• {district.OfficeName}: {district.Phone ?? NumberPending}");
        lines.Add($"Giờ làm việc: {district.OfficeHours}.");
        return string.Join('\n', lines);
    }
}
