using System.Globalization;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// The age a resident told, against the social pension's ages (issue 12 §3, read the case): «mẹ tôi 72 tuổi nhà cận
/// nghèo có được trợ cấp không», «còn ông nhà bác 78 tuổi thì sao» got the entry's general rule (from 75, from 70 for
/// poor and near-poor households) and had to work it out. The line says where that person stands, before the entry.
/// Only for an answer that states those ages itself (it names <see cref="AgeFact"/>), only for one person's age told
/// plainly, and only with both ages confirmed for today in facts.yaml; the pension condition is the entry's, repeated
/// where the line says the age is reached.
/// </summary>
internal static class SocialPensionAge
{
    public const string AgeFact = "huu-tri-xa-hoi-tuoi";

    public const string PoorHouseholdAgeFact = "huu-tri-xa-hoi-tuoi-ho-ngheo";

    /// <summary>How an answer that states the ages names the first (the FAQ texts' template).</summary>
    public const string AgeTemplate = "{fact:" + AgeFact + "}";

    /// <summary>The line for the person the message speaks of, or null when it tells no single age or the ages are unknown today.</summary>
    public static string? Line(string text, IContentStore content, DateOnly today)
    {
        if (ResidentCase.PersonAges(text) is not [var age] || age < 50
            || Years(content, AgeFact, today) is not { } general || Years(content, PoorHouseholdAgeFact, today) is not { } early)
        {
            return null;
        }

        var folded = " " + VietnameseText.Fold(VietnameseText.Clean(text)) + " ";
        // «hộ nghèo», «hộ cận nghèo», «nhà cận nghèo»; «mới thoát nghèo» is neither any more.
        var poorOrNearPoor = !folded.Contains("thoat ngheo", StringComparison.Ordinal)
            && (folded.Contains(" ho ngheo ", StringComparison.Ordinal) || folded.Contains(" can ngheo ", StringComparison.Ordinal));
        var said = $"Người {age.ToString(CultureInfo.InvariantCulture)} tuổi";
        // Short: the entry follows with the pension condition and where to apply, and both must stay on the first
        // screen (ReadMore.Limit).
        return age switch
        {
            _ when age > general || (age > early && poorOrNearPoor) => $"{said} đã đủ tuổi hưởng trợ cấp hưu trí xã hội, nếu không có lương hưu hay trợ cấp bảo hiểm xã hội hằng tháng.",
            _ when age == general || (age == early && poorOrNearPoor) => $"{said} được hưởng trợ cấp hưu trí xã hội khi đã đủ {age} tuổi tính theo ngày sinh, nếu không có lương hưu hay trợ cấp bảo hiểm xã hội hằng tháng.",
            _ when age >= early => $"{said} được hưởng trợ cấp hưu trí xã hội nếu thuộc hộ nghèo, hộ cận nghèo; nếu không thì phải đủ {general} tuổi.",
            _ => $"{said} chưa đến tuổi hưởng trợ cấp hưu trí xã hội (từ đủ {early} tuổi với hộ nghèo, hộ cận nghèo; {general} tuổi với người khác).",
        };
    }

    private static int? Years(IContentStore content, string key, DateOnly today) =>
        content.FindFact(key)?.On(today) is { Confirmed: true } value && int.TryParse(value.Value, CultureInfo.InvariantCulture, out var years) ? years : null;
}
