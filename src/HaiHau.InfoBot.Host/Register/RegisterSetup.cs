using HaiHau.InfoBot.Storage.Register;

namespace HaiHau.InfoBot.Host.Register;

/// <summary>The household register: import from the commune's list files.</summary>
public static class RegisterSetup
{
    public static IServiceCollection AddInfoBotRegister(this IServiceCollection services)
    {
        services.AddSingleton<HouseholdImporter>();
        return services;
    }
}
