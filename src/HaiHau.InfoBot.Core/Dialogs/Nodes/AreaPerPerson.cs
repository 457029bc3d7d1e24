using System.Globalization;
using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// «nhà 30 mét vuông mà 5 người ở» to «mỗi người chưa được 8 mét vuông?»: the yes or no worked out from the floor area the
/// reply tells and the household's size (told in the reply, or the answer already kept in <see cref="PeopleVar"/>). It
/// was asked again: the phrases of <c>yes_words</c> cannot do sums.
/// </summary>
public sealed partial record AreaPerPerson(decimal Limit, string? PeopleVar)
{
    /// <summary>The answer and the sum said back, or null when the reply tells no area or the size is not known.</summary>
    public (YesNoAnswer Answer, string SaidBack)? Read(TurnContext turn, string? text)
    {
        var folded = VietnameseText.Fold((text ?? string.Empty).Replace("m²", " m2 ", StringComparison.Ordinal));
        if (AreaPattern().Match(folded) is not { Success: true } area
            || !decimal.TryParse(area.Groups[1].Value.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var squareMetres)
            || squareMetres <= 0)
        {
            return null;
        }

        var rest = folded.Remove(area.Index, area.Length);
        var people = PeoplePattern().Match(rest) is { Success: true } told ? VietnameseNumber.Parse(told.Value)
            : PeopleVar is not null && decimal.TryParse(turn.Get(PeopleVar), NumberStyles.Number, CultureInfo.InvariantCulture, out var kept) ? kept
            : null;
        if (people is not { } n || n < 1)
        {
            return null;
        }

        var each = Math.Round(squareMetres / n, 1);
        var answer = squareMetres / n < Limit ? YesNoAnswer.Yes : YesNoAnswer.No;
        return (answer, $"Dạ, {VietnameseFormat.Number(squareMetres)} m² cho {VietnameseFormat.Number(n)} người là khoảng {VietnameseFormat.Number(each)} m² mỗi người.");
    }

    // «30 mét vuông», «20m2», «45 m vuông»; «mét» alone only with «vuông» or «m2»: a length is no floor area.
    [GeneratedRegex(@"(?<![\d.,])(\d+(?:[.,]\d+)?)\s*(?:m2|met vuong|m vuong|met2)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AreaPattern();

    [GeneratedRegex(@"\b(?:\d{1,2}|mot|hai|ba|bon|nam|lam|sau|bay|tam|chin|muoi)\s+(?:nguoi|khau|nhan khau)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PeoplePattern();
}
