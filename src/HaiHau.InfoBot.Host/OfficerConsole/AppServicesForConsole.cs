using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HaiHau.InfoBot.Host.OfficerConsole;

/// <summary>
/// The app's registrations as the console's container sees them (<see cref="ConsoleBranch"/>). Singletons are the
/// app's instances (one store gate, one content cache, one clock, one outbox signal), forwarded by a factory so nothing
/// is created before a page asks for it; scoped and transient services, and open generics (options, loggers), are
/// registered again, so they are made in the console's request scope from those singletons. The app's hosted services
/// stay the app's. Where both register a service: the app's own types (HaiHau.*) are the app's; ASP.NET Core's are the
/// console's (routing, authentication, MVC: its pipeline, its endpoints); an identical registration is added once.
/// </summary>
internal static class AppServicesForConsole
{
    public static void Add(IServiceCollection console, IEnumerable<ServiceDescriptor> appServices, IServiceProvider app)
    {
        var own = console.ToList();
        var seen = new Dictionary<(Type Type, object? Key), int>();
        var replaced = new HashSet<Type>();
        foreach (var descriptor in appServices.ToList())
        {
            var slot = (descriptor.ServiceType, descriptor.ServiceKey);
            var index = seen.GetValueOrDefault(slot);
            seen[slot] = index + 1; // the position among the app's registrations of the type, as GetServices returns them
            if (IsHostedService(descriptor.ServiceType) || TheConsoleHasItsOwn(descriptor, own))
            {
                continue;
            }

            if (IsApplicationType(descriptor.ServiceType) && replaced.Add(descriptor.ServiceType))
            {
                console.RemoveAll(descriptor.ServiceType);
            }

            console.Add(Forwarded(descriptor, index, app) ?? descriptor);
        }
    }

    private static ServiceDescriptor? Forwarded(ServiceDescriptor descriptor, int index, IServiceProvider app)
    {
        var type = descriptor.ServiceType;
        if (descriptor.Lifetime != ServiceLifetime.Singleton || type.IsGenericTypeDefinition)
        {
            return null;
        }

        if (descriptor.IsKeyedService)
        {
            return Equals(descriptor.ServiceKey, KeyedService.AnyKey)
                ? null
                : ServiceDescriptor.KeyedSingleton(type, descriptor.ServiceKey, (_, key) => app.GetKeyedServices(type, key).ElementAt(index)!);
        }

        return descriptor.ImplementationInstance is { } instance
            ? ServiceDescriptor.Singleton(type, instance)
            : ServiceDescriptor.Singleton(type, _ => app.GetServices(type).ElementAt(index)!);
    }

    private static bool TheConsoleHasItsOwn(ServiceDescriptor app, List<ServiceDescriptor> console)
    {
        if (IsApplicationType(app.ServiceType))
        {
            return false;
        }

        var sameSlot = console.Where(c => c.ServiceType == app.ServiceType && Equals(c.ServiceKey, app.ServiceKey));
        return IsAspNetCoreType(app.ServiceType)
            ? sameSlot.Any()
            : sameSlot.Any(c => ImplementationType(c) is { } type && type == ImplementationType(app));
    }

    private static Type? ImplementationType(ServiceDescriptor d) => d.IsKeyedService ? d.KeyedImplementationType : d.ImplementationType;

    private static bool IsHostedService(Type type) => type == typeof(IHostedService) || type == typeof(IHostedLifecycleService);

    private static bool IsApplicationType(Type type) => type.Assembly.GetName().Name?.StartsWith("HaiHau.", StringComparison.Ordinal) == true;

    /// <summary>ASP.NET Core's own, or a collection or options of its types (the routing's data sources, its options' set-ups).</summary>
    private static bool IsAspNetCoreType(Type type) =>
        type.Assembly.GetName().Name?.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) == true
        || (type.IsConstructedGenericType && type.GenericTypeArguments.Any(IsAspNetCoreType));
}
