using SocialStore.Domain.Data.Seed.Art;

namespace SocialStore.Domain.Data.Seed.Banks;

internal sealed record ProductTemplate(string Name, ProductShape Shape, string[] Specs, decimal MinPrice, decimal MaxPrice);

internal sealed record LeafCategory(string Slug, string Zh, string En, Palette Palette, string[] Brands, ProductTemplate[] Items, string[] Subtitles, string[] Highlights);

internal sealed record RootCategory(string Slug, string Zh, string En, LeafCategory[] Leaves);

/// <summary>
/// A two-level catalogue of everyday goods. Brands are invented, so no real company's name or
/// claims appear in demo data.
/// </summary>
internal static class CatalogBank
{
    private static readonly Palette Rose = new("#fff0f3", "#ffe0e6", "#e5989b", "#5a2a3a");
    private static readonly Palette Sage = new("#f0f5ee", "#dfe9dc", "#84a98c", "#2f3e46");
    private static readonly Palette Sand = new("#fbf6ee", "#f1e4cf", "#c8a27a", "#4a3a2a");
    private static readonly Palette Sky = new("#eef6fb", "#d9ebf6", "#5fa8d3", "#1b3a4b");
    private static readonly Palette Lilac = new("#f6f0fb", "#e8dcf5", "#9d79bc", "#35264a");
    private static readonly Palette Slate = new("#f1f3f5", "#dde2e7", "#5c7080", "#1f2933");
    private static readonly Palette Peach = new("#fff4ec", "#ffe3cf", "#f4a261", "#5b3a22");

    public static readonly RootCategory[] Roots =
    [
        new("beauty", "美妆护肤", "Beauty",
        [
            new("skincare-face", "面部护理", "Skincare", Rose, ["初木", "素氧", "山茶集"],
            [
                new("积雪草修护面霜", ProductShape.Jar, ["50g", "30g"], 89, 269),
                new("玻尿酸保湿精华", ProductShape.Dropper, ["30ml", "50ml"], 129, 399),
                new("清透防晒乳 SPF50+", ProductShape.Tube, ["40ml", "60ml"], 69, 189),
                new("氨基酸温和洁面", ProductShape.Tube, ["120g"], 39, 99),
            ], ["敏感肌可用", "温和不刺激", "清爽好吸收"], ["无酒精无香精配方", "经过皮肤科测试", "按压泵头，卫生好用", "质地轻薄，夏天也不闷"]),
            new("makeup", "彩妆", "Makeup", Lilac, ["雾岛", "栖光"],
            [
                new("丝绒哑光口红", ProductShape.Lipstick, ["#01 豆沙", "#05 枫叶", "#08 奶茶"], 79, 199),
                new("柔焦定妆蜜粉饼", ProductShape.Compact, ["8g"], 89, 229),
                new("水光粉底液", ProductShape.Bottle, ["30ml"], 119, 329),
            ], ["显白不挑皮", "持妆一整天", "新手也好上手"], ["轻薄服帖，不卡粉", "多种色号可选", "小巧好携带", "附赠化妆刷"]),
            new("body-care", "身体护理", "Body care", Peach, ["半夏", "小森"],
            [
                new("烟酰胺身体乳", ProductShape.Bottle, ["250ml", "400ml"], 59, 149),
                new("海盐磨砂膏", ProductShape.Jar, ["200g"], 49, 119),
            ], ["秋冬必备", "淡淡香气", "一瓶用一季"], ["保湿持久不黏腻", "温和去角质", "大容量更划算"]),
        ]),
        new("fashion", "服饰鞋包", "Fashion",
        [
            new("womenswear", "女装", "Womenswear", Sand, ["南窗", "青禾", "拾光"],
            [
                new("法式垂感衬衫", ProductShape.Shirt, ["S", "M", "L"], 129, 299),
                new("高腰阔腿西装裤", ProductShape.Shirt, ["S", "M", "L"], 159, 329),
                new("软糯羊毛开衫", ProductShape.Shirt, ["均码"], 199, 499),
            ], ["通勤百搭", "显瘦显高", "面料舒适"], ["垂感面料不易皱", "版型修身不紧绷", "多色可选", "可机洗"]),
            new("shoes", "鞋靴", "Shoes", Slate, ["步履", "北屿"],
            [
                new("轻便小白鞋", ProductShape.Sneaker, ["36", "37", "38", "39"], 199, 459),
                new("缓震跑步鞋", ProductShape.Sneaker, ["37", "38", "42"], 299, 699),
            ], ["久走不累", "百搭经典", "轻盈透气"], ["软底防滑", "鞋垫可拆洗", "尺码标准"]),
            new("bags", "箱包", "Bags", Rose, ["橘里", "一隅"],
            [
                new("大容量托特包", ProductShape.Bag, ["米白", "黑色"], 159, 399),
                new("轻量双肩包", ProductShape.Bag, ["灰色", "藏青"], 199, 459),
            ], ["通勤装得下电脑", "轻便耐用", "多隔层收纳"], ["防泼水面料", "肩带加宽减压", "内置电脑隔层"]),
        ]),
        new("food", "食品饮料", "Food & Drink",
        [
            new("snacks", "休闲零食", "Snacks", Peach, ["燕麦岛", "小馋猫"],
            [
                new("低糖坚果燕麦脆", ProductShape.Pouch, ["300g", "500g"], 29, 69),
                new("每日混合坚果", ProductShape.Box, ["30包"], 79, 149),
                new("冻干草莓脆", ProductShape.Pouch, ["50g"], 25, 49),
            ], ["办公室解馋", "独立小包装", "配料表干净"], ["无添加蔗糖", "独立小包装更新鲜", "酥脆不粘牙"]),
            new("coffee-tea", "咖啡茶饮", "Coffee & Tea", Sand, ["星野咖啡", "山间茶事"],
            [
                new("云南小粒挂耳咖啡", ProductShape.Box, ["10片", "20片"], 39, 89),
                new("冷萃咖啡液", ProductShape.Bottle, ["6瓶"], 59, 119),
                new("桂花乌龙茶包", ProductShape.Box, ["15包"], 35, 69),
            ], ["上班续命", "冷泡热泡都好喝", "香气浓郁"], ["当季新豆烘焙", "独立充氮包装", "三分钟出一杯"]),
        ]),
        new("home", "家居生活", "Home",
        [
            new("storage", "收纳整理", "Storage", Sage, ["慢物", "一隅"],
            [
                new("可叠加收纳盒", ProductShape.Box, ["3个装", "6个装"], 39, 109),
                new("免打孔置物架", ProductShape.Box, ["单层", "双层"], 49, 129),
            ], ["租房友好", "小空间大容量", "简约百搭"], ["免打孔安装", "可叠加节省空间", "承重稳固"]),
            new("fragrance", "香薰蜡烛", "Candles & Scents", Lilac, ["浮白", "栖光"],
            [
                new("大豆蜡香薰蜡烛", ProductShape.Candle, ["白茶", "无花果", "雪松"], 69, 169),
                new("无火藤条香薰", ProductShape.Bottle, ["100ml", "200ml"], 59, 139),
            ], ["氛围感拉满", "持久留香", "送礼好选择"], ["天然大豆蜡", "燃烧时长约40小时", "礼盒包装"]),
            new("kitchen", "厨房用品", "Kitchen", Peach, ["灶里", "慢物"],
            [
                new("陶瓷饭碗套装", ProductShape.Bowl, ["4只装"], 59, 139),
                new("玻璃随行杯", ProductShape.Cup, ["400ml"], 39, 89),
            ], ["颜值很高", "耐高温", "可进洗碗机"], ["高温烧制釉面", "可微波加热", "食品级材质"]),
        ]),
        new("tech", "数码电器", "Tech",
        [
            new("audio", "耳机音箱", "Audio", Slate, ["声屿", "Nomo"],
            [
                new("主动降噪头戴耳机", ProductShape.Headphones, ["黑色", "燕麦色"], 399, 999),
                new("真无线蓝牙耳机", ProductShape.Headphones, ["白色"], 199, 499),
            ], ["通勤降噪", "长续航", "佩戴舒适"], ["续航约30小时", "蓝牙5.3稳定连接", "支持快充"]),
            new("phone-accessories", "手机配件", "Phone accessories", Sky, ["Nomo", "极物"],
            [
                new("磁吸充电宝", ProductShape.Phone, ["5000mAh", "10000mAh"], 99, 229),
                new("防摔透明手机壳", ProductShape.Phone, ["多型号"], 29, 69),
            ], ["出门必备", "轻薄小巧", "快充不发烫"], ["磁吸对准不跑偏", "支持多种协议快充", "边框加厚防摔"]),
        ]),
        new("sports", "运动户外", "Sports & Outdoors",
        [
            new("fitness-gear", "健身装备", "Fitness gear", Sage, ["动力圈", "木子运动"],
            [
                new("加厚防滑瑜伽垫", ProductShape.Box, ["6mm", "8mm"], 59, 159),
                new("可调节哑铃", ProductShape.Dumbbell, ["2×5kg", "2×10kg"], 129, 399),
            ], ["居家健身", "防滑耐用", "新手友好"], ["双面防滑纹理", "附赠收纳绑带", "无异味材质"]),
            new("outdoor", "户外露营", "Camping", Sand, ["野营家", "北屿"],
            [
                new("速开露营帐篷", ProductShape.Tent, ["2-3人", "3-4人"], 299, 799),
                new("折叠露营椅", ProductShape.Box, ["单只"], 89, 199),
            ], ["一秒速开", "轻便好收纳", "周末露营必备"], ["防雨涂层面料", "收纳袋便携", "铝合金支架"]),
        ]),
        new("baby", "母婴", "Mother & Baby",
        [
            new("feeding", "喂养用品", "Feeding", Sky, ["小星球", "暖暖"],
            [
                new("宽口径玻璃奶瓶", ProductShape.Bottle, ["160ml", "240ml"], 69, 149),
                new("硅胶辅食碗", ProductShape.Bowl, ["两只装"], 39, 89),
            ], ["新手妈妈必备", "易清洗", "食品级材质"], ["耐高温可消毒", "防胀气设计", "刻度清晰"]),
            new("toys", "益智玩具", "Toys", Peach, ["小星球", "木子"],
            [
                new("木质积木套装", ProductShape.Blocks, ["60粒", "100粒"], 79, 199),
                new("布书早教套装", ProductShape.Book, ["6本"], 49, 119),
            ], ["安全无毒", "锻炼动手能力", "亲子互动"], ["圆角打磨不伤手", "水性漆环保", "收纳桶包装"]),
        ]),
        new("pets", "宠物", "Pets",
        [
            new("pet-food", "宠物主粮", "Pet food", Sand, ["毛球日记", "汪喵星"],
            [
                new("全价冻干双拼猫粮", ProductShape.Pouch, ["1.5kg", "4kg"], 89, 299),
                new("鸡肉冻干零食", ProductShape.Pouch, ["100g"], 39, 89),
            ], ["适口性好", "高蛋白配方", "挑食猫也爱吃"], ["无谷配方", "冻干颗粒大块", "密封袋保存"]),
            new("pet-supplies", "宠物用品", "Pet supplies", Sage, ["毛球日记", "一隅"],
            [
                new("防溅出宠物碗", ProductShape.Bowl, ["单碗", "双碗"], 39, 99),
                new("剑麻猫抓板", ProductShape.Box, ["大号"], 29, 79),
            ], ["主子认可", "耐抓耐用", "好清洗"], ["抬高设计保护颈椎", "底部防滑", "可替换芯"]),
        ]),
        new("books-stationery", "图书文具", "Books & Stationery",
        [
            new("books", "图书", "Books", Lilac, ["拾光书社", "南窗文库"],
            [
                new("散文集《慢慢生活》", ProductShape.Book, ["平装", "精装"], 39, 79),
                new("旅行绘本《城市漫步》", ProductShape.Book, ["精装"], 59, 99),
            ], ["睡前读物", "治愈系", "送礼佳选"], ["正版图书", "精美插画", "纸张厚实"]),
            new("stationery", "文具手帐", "Stationery", Rose, ["纸上", "拾光"],
            [
                new("点阵手帐本", ProductShape.Book, ["A5", "B6"], 29, 69),
                new("速干中性笔", ProductShape.Tube, ["6支装"], 19, 39),
            ], ["学生党必备", "书写顺滑", "颜值超高"], ["不洇墨纸张", "平摊设计", "多色可选"]),
        ]),
    ];

    public static IEnumerable<LeafCategory> Leaves => Roots.SelectMany(r => r.Leaves);
}
