using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Contracts;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Payments.Contracts;

namespace SbbCommerce.Api.Common.Persistence;

/// <summary>
/// The PostgreSQL enums of the schema and their CLR twins (labels are the snake_case of the member names).
/// The enums are public contracts of their modules because several modules read them.
/// </summary>
internal static class DatabaseEnums
{
    /// <summary>Each CLR enum and the PostgreSQL enum type it maps to.</summary>
    public static IReadOnlyList<(Type ClrType, string PgName)> All { get; } =
    [
        (typeof(UserRole), "user_role"),
        (typeof(UserStatus), "user_status"),
        (typeof(AuthProvider), "auth_provider"),
        (typeof(SessionStatus), "session_status"),
        (typeof(ProductStatus), "product_status"),
        (typeof(ProductType), "product_type"),
        (typeof(OrderStatus), "order_status"),
        (typeof(PaymentStatus), "payment_status"),
        (typeof(PaymentMethodType), "payment_method_type"),
        (typeof(FulfillmentStatus), "fulfillment_status"),
    ];

    public static void Map(NpgsqlDbContextOptionsBuilder npgsql)
    {
        foreach (var (clrType, pgName) in All)
        {
            npgsql.MapEnum(clrType, pgName);
        }
    }

    /// <summary>The same mapping for raw Npgsql commands on the shared data source.</summary>
    public static void Map(NpgsqlDataSourceBuilder npgsql)
    {
        foreach (var (clrType, pgName) in All)
        {
            npgsql.MapEnum(clrType, pgName);
        }
    }
}
