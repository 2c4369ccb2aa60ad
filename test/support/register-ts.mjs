import "tsx";
