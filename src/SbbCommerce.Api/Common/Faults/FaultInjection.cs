namespace SbbCommerce.Api.Common.Faults;

/// <summary>
/// Registers <see cref="IFaultPoint"/>. Only a host in the <c>Testing</c> environment with both
/// <c>Testing:KillAt</c> (a point of <see cref="FaultPoints"/>) and <c>Testing:KillArmFile</c> set gets the killing
/// one; every other host, production whatever its settings, gets the no-op.
/// </summary>
internal static class FaultInjection
{
    public const string TestingEnvironment = "Testing";

    public static IServiceCollection AddFaultInjection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var killAt = configuration["Testing:KillAt"];
        var armFile = configuration["Testing:KillArmFile"];
        if (environment.IsEnvironment(TestingEnvironment) && !string.IsNullOrWhiteSpace(killAt) && !string.IsNullOrWhiteSpace(armFile))
        {
            if (!FaultPoints.All.Contains(killAt, StringComparer.Ordinal))
            {
                throw new InvalidOperationException($"Testing:KillAt names no fault point: {killAt}.");
            }

            services.AddSingleton<IFaultPoint>(new KillingFaultPoint(killAt, armFile));
        }
        else
        {
            services.AddSingleton<IFaultPoint, NoFaultPoint>();
        }

        return services;
    }
}
