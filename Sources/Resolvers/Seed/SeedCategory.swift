/// One category of seeded listings and the word pools its titles, descriptions and tags
/// are made of. `{s}` stands for the subject ("Guitar"), `{l}` for it in lower case and
/// `{city}` for the listing's city; the words are chosen so that full-text searches a
/// developer tries ("guitar", "wedding", "yoga") find listings.
struct SeedCategory: Sendable {
    var name: String
    var kind: ListingKind
    var subjects: [String]
    var titles: [String]
    var descriptions: [String]
    var tags: [String]
    /// Prices in cents, rounded to `step` (digital prices then end in 99).
    var cents: ClosedRange<Int>
    var step: Int
    /// The share of listings priced per hour rather than fixed.
    var hourlyShare: Double = 0
    /// For business names: "Bluebird Music Studio".
    var businessNouns: [String]

    /// A subject inside a sentence: lower case ("yoga"), except acronyms ("SAT prep",
    /// "HIIT") and languages ("Spanish").
    static func inSentence(_ subject: String) -> String {
        subject.split(separator: " ").map { word in
            let keep = (word.count > 1 && word.allSatisfy(\.isUppercase)) || word == "Spanish"
            return keep ? String(word) : word.lowercased()
        }.joined(separator: " ")
    }

    static let all: [SeedCategory] = [
        SeedCategory(
            name: "Music Lessons", kind: .service,
            subjects: ["Guitar", "Piano", "Violin", "Drum", "Ukulele", "Voice", "Bass Guitar", "Cello", "Saxophone"],
            titles: ["{s} Lessons for Beginners", "Private {s} Lessons", "{s} Coaching for Adults",
                     "Kids' {s} Lessons in {city}", "Intermediate {s} Lessons", "Online {s} Lessons"],
            descriptions: ["Patient, structured {l} lessons that start where you are.",
                           "Learn the {l} with a conservatory-trained teacher with 10+ years of experience.",
                           "Each lesson covers technique, theory and a song you choose.",
                           "Lessons at my {city} studio or online over video."],
            tags: ["music", "lessons", "beginner", "kids", "online"], cents: 3500...9000, step: 500,
            hourlyShare: 0.6, businessNouns: ["Music Studio", "School of Music", "Music Academy"]),
        SeedCategory(
            name: "Photography", kind: .service,
            subjects: ["Wedding", "Portrait", "Family", "Newborn", "Headshot", "Engagement", "Event", "Real Estate"],
            titles: ["{s} Photography", "{s} Photo Session", "{s} Photography Package", "{s} Photos in {city}"],
            descriptions: ["Natural-light {l} photography with a relaxed, documentary style.",
                           "You get 50+ edited high-resolution photos within two weeks.",
                           "Travel anywhere in the {city} area is included.",
                           "Every session starts with a call to plan locations and timing."],
            tags: ["photography", "photographer", "photos", "portrait", "wedding"], cents: 15000...350000,
            step: 2500, hourlyShare: 0.2, businessNouns: ["Photography", "Photo Co.", "Studios"]),
        SeedCategory(
            name: "Home Services", kind: .service,
            subjects: ["House Cleaning", "Handyman", "Lawn Care", "Furniture Assembly", "Interior Painting",
                       "Gutter Cleaning", "Moving Help", "Deep Cleaning"],
            titles: ["{s} in {city}", "Reliable {s}", "{s} Service", "Same-Week {s}"],
            descriptions: ["Insured, background-checked pros for {l} across {city}.",
                           "We bring our own tools and supplies and clean up when we are done.",
                           "Flat, upfront pricing with no surprise fees.",
                           "Book a weekday or weekend slot that suits you."],
            tags: ["home", "cleaning", "handyman", "repair", "local"], cents: 6000...40000, step: 500,
            hourlyShare: 0.5, businessNouns: ["Home Services", "Handyman Co.", "Home Care"]),
        SeedCategory(
            name: "Fitness", kind: .service,
            subjects: ["Yoga", "Pilates", "HIIT", "Strength Training", "Running", "Boxing", "Mobility"],
            titles: ["{s} Personal Training", "Private {s} Sessions", "{s} Classes for Beginners",
                     "Outdoor {s} in {city}", "{s} Coaching Package"],
            descriptions: ["Certified {l} coaching tailored to your goals and schedule.",
                           "Sessions in a private studio, a park in {city}, or your home.",
                           "All levels welcome: we adapt every movement to your body.",
                           "Includes a short assessment and a plan to follow between sessions."],
            tags: ["fitness", "yoga", "training", "wellness", "health"], cents: 2500...12000, step: 500,
            hourlyShare: 0.5, businessNouns: ["Fitness", "Yoga Studio", "Training"]),
        SeedCategory(
            name: "Design", kind: .service,
            subjects: ["Logo", "Brand Identity", "Website", "Packaging", "Wedding Invitation", "Illustration",
                       "Social Media Graphics"],
            titles: ["{s} Design", "Custom {s} Design", "{s} Design for Small Businesses", "{s} Refresh"],
            descriptions: ["Thoughtful {l} design that fits your brand and your budget.",
                           "Three initial concepts and two rounds of revisions are included.",
                           "You receive print- and web-ready files in every format you need.",
                           "Based in {city}, working with clients everywhere."],
            tags: ["design", "branding", "logo", "graphic design", "creative"], cents: 15000...250000,
            step: 2500, hourlyShare: 0.25, businessNouns: ["Design Studio", "Creative", "Design Co."]),
        SeedCategory(
            name: "Tutoring", kind: .service,
            subjects: ["Math", "SAT Prep", "Chemistry", "Spanish", "Essay Writing", "Physics", "Coding", "Reading"],
            titles: ["{s} Tutoring", "{s} Tutor for High School", "One-on-One {s} Tutoring", "{s} Help Online"],
            descriptions: ["Experienced {l} tutoring for middle school, high school and college students.",
                           "Sessions focus on understanding, not memorizing, with practice between lessons.",
                           "Meet at a library in {city} or online.",
                           "Flexible scheduling in the evenings and on weekends."],
            tags: ["tutoring", "education", "students", "test prep", "online"], cents: 4000...9500, step: 500,
            hourlyShare: 0.8, businessNouns: ["Tutoring", "Learning Center", "Academy"]),
        SeedCategory(
            name: "Pet Care", kind: .service,
            subjects: ["Dog Walking", "Pet Sitting", "Dog Training", "Cat Sitting", "Dog Grooming"],
            titles: ["{s} in {city}", "Daily {s}", "Trusted {s}", "{s} by a Certified Pro"],
            descriptions: ["Friendly, insured {l} with photo updates after every visit.",
                           "We know every park and trail in {city}.",
                           "Meet-and-greet before the first booking, free of charge.",
                           "Experienced with puppies, seniors and anxious pets."],
            tags: ["pets", "dogs", "cats", "pet care", "local"], cents: 2000...9000, step: 500,
            hourlyShare: 0.3, businessNouns: ["Pet Care", "Paws", "Dog Co."]),
        SeedCategory(
            name: "Concerts", kind: .ticket,
            subjects: ["Jazz", "Indie Rock", "Bluegrass", "Classical", "Hip-Hop", "Acoustic Guitar", "Soul", "Folk"],
            titles: ["{s} Night", "Live {s} in {city}", "{s} Showcase", "An Evening of {s}", "{s} Under the Stars"],
            descriptions: ["A night of live {l} with some of the best local musicians in {city}.",
                           "Doors open an hour before the show; food and drinks available.",
                           "General admission, standing room with limited seating.",
                           "All ages welcome; under 16 with an adult."],
            tags: ["concert", "live music", "music", "nightlife", "tickets"], cents: 1500...8500, step: 500,
            businessNouns: ["Presents", "Live", "Concerts"]),
        SeedCategory(
            name: "Workshops", kind: .ticket,
            subjects: ["Pottery", "Watercolor", "Sourdough Baking", "Candle Making", "Photography", "Woodworking",
                       "Calligraphy", "Yoga"],
            titles: ["{s} Workshop", "Intro to {s}", "{s} Workshop for Beginners", "Hands-On {s} in {city}"],
            descriptions: ["A small-group {l} workshop: all materials included, no experience needed.",
                           "You take home what you make.",
                           "Limited seats so everyone gets one-on-one attention.",
                           "Held in our {city} studio; light snacks provided."],
            tags: ["workshop", "class", "creative", "hands-on", "beginner"], cents: 3500...15000, step: 500,
            businessNouns: ["Workshop", "Makers Studio", "Craft Studio"]),
        SeedCategory(
            name: "Food & Drink Tours", kind: .ticket,
            subjects: ["Taco", "Coffee", "Craft Beer", "Wine Tasting", "Barbecue", "Street Food", "Dessert"],
            titles: ["{s} Tour of {city}", "{city} {s} Crawl", "Guided {s} Walk", "{s} Tasting Tour"],
            descriptions: ["A guided {l} tour through the neighborhoods locals love in {city}.",
                           "Tastings at five stops are included in the ticket.",
                           "About three hours of easy walking; comfortable shoes recommended.",
                           "Vegetarian options available on request."],
            tags: ["food", "tour", "tasting", "local", "tickets"], cents: 4500...13000, step: 500,
            businessNouns: ["Tours", "Tasting Co.", "Food Tours"]),
        SeedCategory(
            name: "E-books", kind: .digital,
            subjects: ["Guitar Chord", "Meal Prep", "Personal Finance", "Wedding Planning", "Yoga for Beginners",
                       "Photography Basics", "Home Organization", "Marathon Training"],
            titles: ["The {s} Handbook", "{s} Guide (PDF)", "{s} Made Simple", "The Complete {s} Workbook"],
            descriptions: ["A practical, illustrated e-book on {l}, written for beginners.",
                           "Instant PDF download, readable on any phone, tablet or e-reader.",
                           "Includes printable checklists and worksheets.",
                           "Free updates for future editions."],
            tags: ["ebook", "pdf", "guide", "download", "beginner"], cents: 499...2999, step: 100,
            businessNouns: ["Press", "Publishing", "Books"]),
        SeedCategory(
            name: "Templates", kind: .digital,
            subjects: ["Resume", "Wedding Invitation", "Budget Spreadsheet", "Social Media", "Business Plan",
                       "Meal Planner", "Wedding Seating Chart", "Invoice"],
            titles: ["{s} Template", "Editable {s} Template", "{s} Template Bundle", "Minimalist {s} Template"],
            descriptions: ["A clean, fully editable {l} template you can customize in minutes.",
                           "Works with Canva, Google Docs, Word and Pages.",
                           "Instant download; print at home or at a print shop.",
                           "Includes a step-by-step guide to editing."],
            tags: ["template", "printable", "editable", "download", "digital"], cents: 399...3999, step: 100,
            businessNouns: ["Templates", "Paper Co.", "Design Shop"]),
        SeedCategory(
            name: "Stock Photos", kind: .digital,
            subjects: ["Wedding", "City Skyline", "Coffee Shop", "Food Flat Lay", "Office", "Nature", "Fitness"],
            titles: ["{s} Stock Photo Pack", "{s} Photo Bundle", "{s} Images for Commercial Use"],
            descriptions: ["Forty high-resolution {l} photos, ready for websites and social media.",
                           "Royalty-free license for personal and commercial projects.",
                           "Shot in {city} with professional lighting and editing.",
                           "Delivered as one download with a licence PDF."],
            tags: ["stock photos", "photography", "images", "commercial", "download"], cents: 999...4999,
            step: 100, businessNouns: ["Stock", "Images", "Visuals"]),
        SeedCategory(
            name: "Sample Packs", kind: .digital,
            subjects: ["Lo-Fi Drum", "Guitar Loop", "Synthwave", "Piano One-Shot", "Hip-Hop Drum", "Ambient Texture"],
            titles: ["{s} Sample Pack", "{s} Kit", "{s} Loops Vol. 2", "Essential {s} Pack"],
            descriptions: ["Royalty-free {l} samples recorded and mixed by a working producer.",
                           "WAV files at 24-bit, tempo- and key-labelled.",
                           "Drag-and-drop ready for any DAW.",
                           "Use them in released tracks with no extra clearance."],
            tags: ["samples", "music production", "loops", "audio", "download"], cents: 999...3999, step: 100,
            businessNouns: ["Sounds", "Audio", "Beats"]),
    ]
}
