namespace HaiHau.InfoBot.Core.Content;

/// <summary>The fixed topic ids: also the main menu's and the statistics' keys.</summary>
public static class Topics
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "eligibility", "health_insurance", "credit", "vocational_training", "jobs", "housing", "other_support",
        "registration", "greeting", "handoff", "opt_out", "erase_data", "unknown",
    };
}
