namespace HaiHau.InfoBot.Core.Content;

/// <summary>Questions about the dated map that the screener and the officers' verbs share.</summary>
public static class CommuneMap
{
    /// <summary>
    /// Urban or rural on a day for a unit of any period: the unit's own classification while it existed (the three
    /// towns: urban until 30/6/2025), after that its successor's (from 1/7/2025 every commune is a xã: rural).
    /// <c>FormerTown</c> is true when a town that no longer exists was named: whether its area now counts as urban is
    /// not known (policy-currency-2026.md Q4 [U]) and is for UBND xã to confirm.
    /// </summary>
    public static (AreaKind Area, bool FormerTown) AreaOn(IContentStore content, Commune unit, DateOnly day)
    {
        if (unit.ValidTo is not { } end || day <= end)
        {
            return (unit.Area, false);
        }

        var now = content.ResolveCommune(unit.Code)?.Current;
        return (now?.Area ?? AreaKind.Rural, unit.IsTown);
    }

    /// <summary>The units that existed on a day (34 in 2022, 24 from 1/9/2024, 8 from 1/7/2025).</summary>
    public static IReadOnlyList<Commune> UnitsOn(IContentStore content, DateOnly day) => content.Units.Where(u => u.ExistsOn(day)).ToList();
}
