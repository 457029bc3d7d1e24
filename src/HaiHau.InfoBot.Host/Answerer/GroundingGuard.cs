using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Content;

namespace HaiHau.InfoBot.Host.Answerer;

/// <summary>
/// The grounding guard: a composed answer may state only numbers, dates, legal references and office names that
/// appear in its <see cref="Grounding"/>, and never cite a repealed act. Anything else is a reason to discard it
/// and send the retrieval answer instead. Strict on purpose: a sum worked out by the model (750.000 đ a person) is
/// discarded too, because nobody checked it.
/// </summary>
public static partial class GroundingGuard
{
    /// <summary>What in <paramref name="composed"/> is not grounded, as "kind:value" (empty: the answer may go out).</summary>
    public static IReadOnlyList<string> Check(string composed, Grounding grounding, IEnumerable<LegalAct> acts, DateOnly day)
    {
        var problems = new List<string>();
        foreach (var act in acts.Where(a => a.RepealedBy(day)))
        {
            if (composed.Split('\n').Any(line => act.CitedIn(line) is not null))
            {
                problems.Add($"repealed:{act.Act}");
            }
        }

        // A numbered list's markers ("1. ", "2) ") are layout, not figures.
        var body = ListMarker().Replace(composed, string.Empty);
        foreach (var token in Grounding.SlashTokens(body).Distinct())
        {
            if (!grounding.HasSlashed(token))
            {
                problems.Add($"reference:{token}");
            }
        }

        foreach (var (text, value) in Grounding.Numbers(body).DistinctBy(n => n.Value))
        {
            if (!grounding.HasNumber(value))
            {
                problems.Add($"number:{text}");
            }
        }

        foreach (var name in OfficePattern().Matches(body).Concat(PlacePattern().Matches(body)).Select(m => m.Value.Trim()))
        {
            if (!grounding.HasWords(Grounding.Fold(name)))
            {
                problems.Add($"office:{name}");
            }
        }

        return problems.Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"^\s*\d{1,2}[.)]\s", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ListMarker();

    /// <summary>
    /// An office's name: its kind, written as a name is (capitalised), then its level («xã», «huyện») and the
    /// capitalised words of its own name: «UBND xã», «UBND huyện Hải Hậu», «Phòng Lao», «Bảo hiểm xã hội».
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Phòng|Sở|Ngân hàng|NHCSXH|Bảo hiểm xã hội|BHXH|Trung tâm|Công an|Bệnh viện|Trạm y tế|Hội)(?:\s+(?:xã|huyện|tỉnh|thị trấn|phường|thành phố))?(?:\s+\p{Lu}\p{L}*)*", RegexOptions.CultureInvariant)]
    private static partial Regex OfficePattern();

    /// <summary>A named place («huyện Hải Hậu», «tỉnh Nam Định», «thị trấn Yên Định»): its name must be grounded too.</summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:xã|huyện|tỉnh|thị trấn|phường|thành phố)(?:\s+\p{Lu}\p{L}*)+", RegexOptions.CultureInvariant)]
    private static partial Regex PlacePattern();
}
