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
    public static void Map(NpgsqlDbContextOptionsBuilder npgsql)
    {
        npgsql.MapEnum<UserRole>("user_role");
        npgsql.MapEnum<UserStatus>("user_status");
        npgsql.MapEnum<AuthProvider>("auth_provider");
        npgsql.MapEnum<SessionStatus>("session_status");
        npgsql.MapEnum<ProductStatus>("product_status");
        npgsql.MapEnum<ProductType>("product_type");
        npgsql.MapEnum<OrderStatus>("order_status");
        npgsql.MapEnum<PaymentStatus>("payment_status");
        npgsql.MapEnum<PaymentMethodType>("payment_method_type");
        npgsql.MapEnum<FulfillmentStatus>("fulfillment_status");
    }

    /// <summary>The same mapping for raw Npgsql commands on the shared data source.</summary>
    public static void Map(NpgsqlDataSourceBuilder npgsql)
    {
        npgsql.MapEnum<UserRole>("user_role");
        npgsql.MapEnum<UserStatus>("user_status");
        npgsql.MapEnum<AuthProvider>("auth_provider");
        npgsql.MapEnum<SessionStatus>("session_status");
        npgsql.MapEnum<ProductStatus>("product_status");
        npgsql.MapEnum<ProductType>("product_type");
        npgsql.MapEnum<OrderStatus>("order_status");
        npgsql.MapEnum<PaymentStatus>("payment_status");
        npgsql.MapEnum<PaymentMethodType>("payment_method_type");
        npgsql.MapEnum<FulfillmentStatus>("fulfillment_status");
    }
}
