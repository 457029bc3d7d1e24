namespace HaiHau.InfoBot.Host.Operations;

public static class OperationsSetup
{
    /// <summary>For the serving host: the database lock `db restore` checks, and the nightly backup.</summary>
    public static IServiceCollection AddInfoBotOperations(this IServiceCollection services)
    {
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<DatabaseLockHolder>();
        services.AddHostedService<NightlyBackup>();
        return services;
    }
}
