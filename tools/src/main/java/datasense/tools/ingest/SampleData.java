package datasense.tools.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes an invented but realistic retail-orders CSV: four years of orders (2020-2023) with yearly growth
 * and a year-end peak, orders of one to four lines, customers with a fixed segment and city, products in
 * three categories, and a profit that falls as the discount rises. The same rows and seed give the same
 * bytes, so tests and benchmarks can rely on it; writing a million rows (~190 MB) takes a few seconds.
 */
public final class SampleData {

    /** The default size of the demo dataset. */
    public static final int DEFAULT_ROWS = 5_000;
    /** The default seed. */
    public static final long DEFAULT_SEED = 20_240_501L;

    static final String HEADER = "Order ID,Order Date,Ship Date,Ship Mode,Customer ID,Customer Name,Segment,"
            + "City,State,Region,Category,Sub-Category,Product Name,Sales,Quantity,Discount,Profit";

    private static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);
    private static final int DAYS = 1461;          // 2020-01-01 .. 2023-12-31
    private static final int MAX_SHIP_DAYS = 7;
    private static final double[] YEAR_GROWTH = {1.0, 1.18, 1.37, 1.62};
    private static final double[] MONTH_SEASON = {0.70, 0.55, 0.95, 0.90, 0.95, 0.95, 0.85, 0.90, 1.30, 1.05, 1.45, 1.60};

    private static final String[] SHIP_MODES = {"Standard Class", "Second Class", "First Class", "Same Day"};
    private static final double[] SHIP_WEIGHTS = {0.60, 0.19, 0.15, 0.06};
    private static final int[] SHIP_MIN = {4, 2, 1, 0};
    private static final int[] SHIP_SPAN = {4, 3, 3, 1};

    private static final String[] SEGMENTS = {"Consumer", "Corporate", "Home Office"};
    private static final double[] SEGMENT_WEIGHTS = {0.52, 0.30, 0.18};

    /** City, state, region; the weight is roughly how often the city orders. */
    private static final String[][] CITIES = {
        {"New York City", "New York", "East"}, {"Philadelphia", "Pennsylvania", "East"},
        {"Boston", "Massachusetts", "East"}, {"Newark", "New Jersey", "East"}, {"Buffalo", "New York", "East"},
        {"Providence", "Rhode Island", "East"}, {"Hartford", "Connecticut", "East"},
        {"Columbus", "Ohio", "East"}, {"Wilmington", "Delaware", "East"},
        {"Los Angeles", "California", "West"}, {"San Francisco", "California", "West"},
        {"Seattle", "Washington", "West"}, {"San Diego", "California", "West"}, {"Portland", "Oregon", "West"},
        {"Denver", "Colorado", "West"}, {"Phoenix", "Arizona", "West"}, {"Las Vegas", "Nevada", "West"},
        {"Salt Lake City", "Utah", "West"},
        {"Chicago", "Illinois", "Central"}, {"Houston", "Texas", "Central"}, {"Dallas", "Texas", "Central"},
        {"Detroit", "Michigan", "Central"}, {"Minneapolis", "Minnesota", "Central"},
        {"San Antonio", "Texas", "Central"}, {"Milwaukee", "Wisconsin", "Central"},
        {"Omaha", "Nebraska", "Central"}, {"Kansas City", "Missouri", "Central"},
        {"Atlanta", "Georgia", "South"}, {"Miami", "Florida", "South"}, {"Nashville", "Tennessee", "South"},
        {"Charlotte", "North Carolina", "South"}, {"Jacksonville", "Florida", "South"},
        {"Louisville", "Kentucky", "South"}, {"Richmond", "Virginia", "South"}, {"New Orleans", "Louisiana", "South"},
    };
    private static final double[] CITY_WEIGHTS = {
        9, 5, 3, 1.5, 1, 1, 1, 2.5, 0.7,
        8, 5, 4.5, 2, 1.5, 1.5, 1.5, 1, 0.8,
        4, 3.5, 2.5, 1.5, 1.2, 1.4, 1, 0.7, 0.8,
        2, 1.8, 1.3, 1.1, 1.2, 0.8, 1, 0.8};

    /** Category, sub-category, lowest and highest unit price, base margin, typical top discount. */
    private record SubCategory(String category, String name, double lowPrice, double highPrice, double margin,
                               double maxDiscount, String[] items) {
    }

    private static final SubCategory[] SUBCATEGORIES = {
        new SubCategory("Furniture", "Chairs", 60, 900, 0.14, 0.3,
                new String[]{"Mesh Task Chair", "Executive Leather Chair", "Stacking Guest Chair", "Drafting Stool",
                    "Ergonomic Office Chair, Adjustable Arms"}),
        new SubCategory("Furniture", "Tables", 120, 1400, 0.06, 0.45,
                new String[]{"Rectangular Conference Table", "Round Meeting Table", "Folding Training Table",
                    "Standing Desk Frame"}),
        new SubCategory("Furniture", "Bookcases", 80, 700, 0.08, 0.5,
                new String[]{"5-Shelf Bookcase", "Open Back Bookcase", "Barrister Bookcase", "Corner Shelf Unit"}),
        new SubCategory("Furniture", "Furnishings", 5, 180, 0.22, 0.2,
                new String[]{"Desk Lamp", "Wall Clock", "Frame Set", "Chair Mat", "Cable Tray"}),
        new SubCategory("Office Supplies", "Binders", 3, 90, 0.32, 0.8,
                new String[]{"Ring Binder 2\"", "Presentation Binder", "Binding Combs", "Heavy Duty Binder"}),
        new SubCategory("Office Supplies", "Paper", 4, 60, 0.42, 0.2,
                new String[]{"Copy Paper, 10 Reams", "Notepads", "Colored Card Stock", "Message Books"}),
        new SubCategory("Office Supplies", "Storage", 10, 400, 0.12, 0.2,
                new String[]{"File Cart", "Storage Box", "Lateral File Cabinet", "Desk Drawer Organizer"}),
        new SubCategory("Office Supplies", "Art", 2, 70, 0.26, 0.2,
                new String[]{"Marker Set", "Colored Pencils", "Highlighters", "Sketch Pad"}),
        new SubCategory("Office Supplies", "Labels", 2, 40, 0.44, 0.2,
                new String[]{"Address Labels", "File Folder Labels", "Color Coding Dots"}),
        new SubCategory("Office Supplies", "Envelopes", 4, 50, 0.40, 0.2,
                new String[]{"Business Envelopes", "Catalog Envelopes", "Security Envelopes"}),
        new SubCategory("Office Supplies", "Fasteners", 1, 25, 0.30, 0.2,
                new String[]{"Paper Clips", "Binder Clips", "Push Pins", "Rubber Bands"}),
        new SubCategory("Office Supplies", "Appliances", 20, 800, 0.17, 0.8,
                new String[]{"Space Heater", "Air Purifier", "Microwave Oven", "Surge Protector"}),
        new SubCategory("Office Supplies", "Supplies", 3, 120, 0.05, 0.2,
                new String[]{"Scissors", "Letter Opener", "Stapler", "Paper Trimmer"}),
        new SubCategory("Technology", "Phones", 30, 1100, 0.13, 0.4,
                new String[]{"Smartphone 128GB", "Conference Phone", "Cordless Phone", "VoIP Desk Phone"}),
        new SubCategory("Technology", "Accessories", 10, 400, 0.24, 0.2,
                new String[]{"Wireless Mouse", "Mechanical Keyboard", "USB-C Hub", "Noise Cancelling Headset"}),
        new SubCategory("Technology", "Machines", 150, 3500, 0.02, 0.7,
                new String[]{"Laser Printer", "3D Printer", "Label Maker", "Document Scanner"}),
        new SubCategory("Technology", "Copiers", 500, 4000, 0.28, 0.2,
                new String[]{"Color Copier", "Multifunction Copier", "Desktop Copier"}),
    };
    private static final double[] SUBCATEGORY_WEIGHTS = {6, 3, 2.5, 9.5, 15, 13.5, 8.5, 8, 3.5, 2.5, 2.2, 4.5, 1.9,
        9, 7.7, 1.2, 0.7};

    private static final String[] BRANDS = {"Northfield", "Alder & Finch", "Brightline", "Corvo", "Keystone",
        "Luma", "Meridian", "Oakridge", "Pinnacle", "Quill Works"};
    private static final String[] FIRST_NAMES = {"Avery", "Blake", "Carmen", "Dana", "Elliot", "Farah", "Gideon",
        "Harper", "Imani", "Jonah", "Keiko", "Lorenzo", "Mira", "Nolan", "Odette", "Priya", "Quentin", "Rosa",
        "Soren", "Talia", "Umar", "Vera", "Wesley", "Ximena", "Yusuf", "Zara", "Marcus", "Ingrid", "Tobias", "Leah"};
    private static final String[] LAST_NAMES = {"Abernathy", "Bello", "Castellano", "Duvall", "Eriksen", "Fontaine",
        "Grayson", "Halvorsen", "Ibarra", "Jablonski", "Kowalczyk", "Lindqvist", "Moreau", "Nakamura", "O'Connell",
        "Petrov", "Quintero", "Rasmussen", "Sandoval", "Thornbury", "Underhill", "Vasquez", "Whitlock", "Yamada",
        "Zielinski", "Brennan", "Okafor", "Haddad", "Sorensen", "Delacroix"};

    private static final double[] DISCOUNTS = {0, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
    private static final String[] DISCOUNT_TEXT = {"0", "0.1", "0.15", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8"};

    private SampleData() {
    }

    /** Writes {@code rows} order lines (plus the header) to {@code file}, determined entirely by {@code seed}. */
    public static void writeOrders(Path file, int rows, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);

        // Day strings and a cumulative weight per order day, so a draw is a binary search.
        String[] dayText = new String[DAYS + MAX_SHIP_DAYS + 1];
        for (int d = 0; d < dayText.length; d++) {
            LocalDate date = FIRST_DAY.plusDays(d);
            dayText[d] = date.getMonthValue() + "/" + date.getDayOfMonth() + "/" + date.getYear();
        }
        double[] dayCum = new double[DAYS];
        double total = 0;
        for (int d = 0; d < DAYS; d++) {
            LocalDate date = FIRST_DAY.plusDays(d);
            double w = YEAR_GROWTH[date.getYear() - 2020] * MONTH_SEASON[date.getMonthValue() - 1]
                    * (date.getDayOfWeek().getValue() >= 6 ? 0.6 : 1.0);
            total += w;
            dayCum[d] = total;
        }

        // Customers: a fixed pool, each with one segment and one city.
        int customers = 800;
        String[] customerText = new String[customers];   // "ID,Name,Segment,City,State,Region"
        for (int c = 0; c < customers; c++) {
            String first = FIRST_NAMES[rnd.nextInt(FIRST_NAMES.length)];
            String last = LAST_NAMES[rnd.nextInt(LAST_NAMES.length)];
            String[] city = CITIES[pick(rnd, CITY_WEIGHTS)];
            customerText[c] = "C-" + (10_001 + c) + "," + first + " " + last + ","
                    + SEGMENTS[pick(rnd, SEGMENT_WEIGHTS)] + "," + city[0] + "," + city[1] + "," + city[2];
        }

        // Products: brand x item per sub-category, each with a fixed unit price.
        int productCount = 0;
        for (SubCategory s : SUBCATEGORIES) {
            productCount += s.items.length * 3;
        }
        String[] productText = new String[productCount];   // "Category,Sub-Category,Product Name"
        int[] productSub = new int[productCount];
        long[] productCents = new long[productCount];
        int[][] productsBySub = new int[SUBCATEGORIES.length][];
        int p = 0;
        for (int s = 0; s < SUBCATEGORIES.length; s++) {
            SubCategory sub = SUBCATEGORIES[s];
            productsBySub[s] = new int[sub.items.length * 3];
            for (int i = 0; i < sub.items.length; i++) {
                for (int b = 0; b < 3; b++) {
                    String brand = BRANDS[rnd.nextInt(BRANDS.length)];
                    productText[p] = sub.category + "," + sub.name + "," + csvField(brand + " " + sub.items[i]);
                    productSub[p] = s;
                    double price = sub.lowPrice * Math.pow(sub.highPrice / sub.lowPrice, rnd.nextDouble());
                    productCents[p] = Math.round(price * 100);
                    productsBySub[s][i * 3 + b] = p;
                    p++;
                }
            }
        }

        int[] orderSeq = new int[4];
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write(HEADER);
            out.write('\n');
            int written = 0;
            while (written < rows) {
                int day = search(dayCum, rnd.nextDouble() * total);
                int year = day < 366 ? 0 : day < 731 ? 1 : day < 1096 ? 2 : 3;
                int mode = pick(rnd, SHIP_WEIGHTS);
                int shipDay = day + SHIP_MIN[mode] + rnd.nextInt(SHIP_SPAN[mode]);
                String customer = customerText[rnd.nextInt(customers)];
                String orderId = "ORD-" + (2020 + year) + "-" + (100_000 + ++orderSeq[year]);
                int lines = 1 + (int) Math.floor(Math.pow(rnd.nextDouble(), 2.2) * 4);
                for (int l = 0; l < lines && written < rows; l++, written++) {
                    int sub = pick(rnd, SUBCATEGORY_WEIGHTS);
                    int product = productsBySub[sub][rnd.nextInt(productsBySub[sub].length)];
                    SubCategory sc = SUBCATEGORIES[productSub[product]];
                    int quantity = 1 + (int) Math.floor(Math.pow(rnd.nextDouble(), 1.8) * 14);
                    int discount = drawDiscount(rnd, sc.maxDiscount);
                    // Prices drift a little from order to order (promotions, list changes), as in real order lines.
                    double unit = productCents[product] * (0.96 + 0.08 * rnd.nextDouble());
                    long salesCents = Math.round(unit * quantity * (1 - DISCOUNTS[discount]));
                    if (salesCents == 0) {
                        salesCents = 1;
                    }
                    double ratio = sc.margin + 0.12 - 1.25 * DISCOUNTS[discount] + rnd.nextDouble() * 0.16 - 0.08;
                    long profitCents = Math.round(salesCents * ratio);

                    out.write(orderId);
                    out.write(',');
                    out.write(dayText[day]);
                    out.write(',');
                    out.write(dayText[shipDay]);
                    out.write(',');
                    out.write(SHIP_MODES[mode]);
                    out.write(',');
                    out.write(customer);
                    out.write(',');
                    out.write(productText[product]);
                    out.write(',');
                    writeCents(out, salesCents);
                    out.write(',');
                    out.write(Integer.toString(quantity));
                    out.write(',');
                    out.write(DISCOUNT_TEXT[discount]);
                    out.write(',');
                    writeCents(out, profitCents);
                    out.write('\n');
                }
            }
        }
    }

    /** Writes the sample dataset: {@code SampleData [rows] [path]} (defaults 5000 and ./orders.csv). */
    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_ROWS;
        Path path = Path.of(args.length > 1 ? args[1] : "orders.csv");
        long start = System.nanoTime();
        writeOrders(path, rows, DEFAULT_SEED);
        System.out.println("wrote " + rows + " rows to " + path + " (" + Files.size(path) + " bytes) in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    /** Most lines carry no discount; discounts above the sub-category's usual top are rare. */
    private static int drawDiscount(SplittableRandom rnd, double max) {
        double u = rnd.nextDouble();
        if (u < 0.48) {
            return 0;
        }
        int top = 0;
        while (top + 1 < DISCOUNTS.length && DISCOUNTS[top + 1] <= max + 1e-9) {
            top++;
        }
        return 1 + rnd.nextInt(top);
    }

    private static int pick(SplittableRandom rnd, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double u = rnd.nextDouble() * sum;
        for (int i = 0; i < weights.length - 1; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static int search(double[] cumulative, double u) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] <= u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Money as dollars with two decimals, without String.format (it is the hot loop). */
    private static void writeCents(Writer out, long cents) throws IOException {
        if (cents < 0) {
            out.write('-');
            cents = -cents;
        }
        out.write(Long.toString(cents / 100));
        out.write('.');
        long c = cents % 100;
        out.write((char) ('0' + c / 10));
        out.write((char) ('0' + c % 10));
    }

    private static String csvField(String s) {
        return s.indexOf(',') < 0 && s.indexOf('"') < 0 ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
