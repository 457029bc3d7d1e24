using HaiHau.InfoBot.Storage.Register;

namespace HaiHau.InfoBot.Host.Register;

/// <summary>The household register: import from the commune's list files, and officers linking residents to it.</summary>
public static class RegisterSetup
{
    public static IServiceCollection AddInfoBotRegister(this IServiceCollection services)
    {
        services.AddSingleton<HouseholdImporter>();
        services.AddSingleton<Storage.Residents.OfficerLinker>();
        return services;
    }
}
